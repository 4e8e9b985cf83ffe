package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.fakequay.FakeQuay;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * A Quay with a self-signed certificate: refused by default (once, without redelivery), accepted with
 * {@code validateCerts: "false"} for that connection only.
 */
@CamelMainTest(configurationClasses = {QuayConfiguration.class, NoLeaderElection.class}, properties = {QuayRoutesTestBase.ROUTES,
        QuayRoutesTestBase.NO_MANAGEMENT_PORT, QuayRoutesTestBase.FAST_REDELIVERY, QuayRoutesTestBase.MAX_DELAY,
        QuayRoutesTestBase.REDELIVERIES})
class QuayTlsIT extends QuayRoutesTestBase {

    @Override
    FakeQuay startFake() {
        return FakeQuay.startHttps();
    }

    @Test
    void selfSignedCertificateIsRefusedWithAClearErrorAndNotRetried() {
        QuayConnection verifying = connection(quay.baseUri(), true, new QuayConnection.Credentials.Token(aliceToken));

        Exchange answer = call("quay-get-org-mirror", verifying, "org", null);

        assertThat(answer.getException()).isInstanceOfSatisfying(QuayUnavailableException.class, e -> {
            assertThat(e.getMessage()).startsWith("TLS handshake with Quay at " + quay.baseUri() + " failed")
                    .contains("validateCerts: \"false\"");
            assertThat(e.operation()).isEqualTo("quay-get-org-mirror");
        });
        assertThat(quay.calls()).isEmpty();
        // one handshake, refused, and no redelivery: a certificate does not become trusted by retrying
        MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertThat(meters.counter(QuayMetrics.REQUESTS, "operation", "quay-get-org-mirror", "status", "io_error").count())
                .isEqualTo(1);
        assertThat(meters.counter(QuayMetrics.REDELIVERIES, "operation", "quay-get-org-mirror").count()).isZero();
    }

    @Test
    void validateCertsFalseAcceptsTheCertificateForThatConnectionOnly() {
        QuayConnection trusting = connection(quay.baseUri(), false, new QuayConnection.Credentials.Token(aliceToken));
        QuayConnection verifying = connection(quay.baseUri(), true, new QuayConnection.Credentials.Token(aliceToken));

        succeed("quay-create-org-mirror", trusting, "org", createBody());
        Exchange read = succeed("quay-get-org-mirror", trusting, "org", null);
        Exchange stillRefused = call("quay-get-org-mirror", verifying, "org", null);

        assertThat(read.getProperty("quayMirrorExists", Boolean.class)).isTrue();
        assertThat(quay.mirrorConfig("org")).isPresent();
        assertThat(stillRefused.getException()).isInstanceOf(QuayUnavailableException.class)
                .hasMessageContaining("TLS handshake");
    }
}
