package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

class MessageHeadersTest {

    @Test
    void keepsOnlyCamelHeadersInAnyCase() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Message message = withHeaders(context, "Authorization", "Cookie", "Set-Cookie", "Came", "XCamelY",
                    "CamelHttpResponseCode", "camelRedeliveryCounter", "CAMELX");

            MessageHeaders.keepOnlyCamelHeaders(message);

            assertThat(message.getHeaders().keySet())
                    .containsExactlyInAnyOrder("CamelHttpResponseCode", "camelRedeliveryCounter", "CAMELX");
        }
    }

    @Test
    void removesCamelHttpHeadersOnly() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Message message = withHeaders(context, "CamelHttpResponseCode", "camelhttppath", "CamelRedeliveryCounter",
                    "Accept");

            MessageHeaders.removeCamelHttpHeaders(message);

            assertThat(message.getHeaders().keySet()).containsExactlyInAnyOrder("CamelRedeliveryCounter", "Accept");
        }
    }

    @Test
    void anEmptyMessageStaysEmpty() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Message message = new DefaultMessage(context);

            MessageHeaders.keepOnlyCamelHeaders(message);
            MessageHeaders.removeCamelHttpHeaders(message);

            assertThat(message.getHeaders()).isEmpty();
        }
    }

    private static Message withHeaders(DefaultCamelContext context, String... names) {
        Message message = new DefaultMessage(context);
        for (String name : names) {
            message.setHeader(name, "value of " + name);
        }
        return message;
    }
}
