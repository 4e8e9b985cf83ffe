package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Only Quay's own 400 to a sync call means "a sync runs" or "nothing to cancel"; a refusal on the way does not. */
class QuayRejectedExceptionTest {

    @Test
    void onlyTheOperationsOwn400AnswersIt() {
        assertThat(new QuayRejectedException("quay-sync-cancel", 400, "Nothing to cancel").answers(QuayOperation.SYNC_CANCEL))
                .isTrue();
        assertThat(new QuayRejectedException("quay-signin", 403, "refused the CSRF token of the sign-in")
                .answers(QuayOperation.SYNC_CANCEL)).isFalse();
        assertThat(new QuayRejectedException("quay-sync-cancel", 302, "redirected to https://quay")
                .answers(QuayOperation.SYNC_CANCEL)).isFalse();
        assertThat(new QuayRejectedException("quay-sync-cancel", 400, "x").answers(QuayOperation.SYNC_NOW)).isFalse();
    }

    @Test
    void aDoCatchSeesTheCaughtException() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new QuayRejectedException("quay-sync-now", 400, "syncing"));
        assertThat(QuayRejectedException.caughtFrom(exchange, QuayOperation.SYNC_NOW)).isTrue();

        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new QuayRejectedException("quay-csrf-token", 404, "not Quay"));
        assertThat(QuayRejectedException.caughtFrom(exchange, QuayOperation.SYNC_NOW)).isFalse();
    }
}
