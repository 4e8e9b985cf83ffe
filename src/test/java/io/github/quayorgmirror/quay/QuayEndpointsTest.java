package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuayEndpointsTest {

    private static QuayConnection connection(String baseUri, boolean validateCerts) {
        return new QuayConnection(URI.create(baseUri), validateCerts, Duration.ofMillis(2500),
                new QuayConnection.Credentials.Token("t"));
    }

    @Test
    void verifyingConnectionUsesDefaultTrustAndItsTimeouts() {
        assertThat(QuayEndpoints.uri(connection("https://quay.example.com/prefix", true)))
                .isEqualTo("https://quay.example.com/prefix?throwExceptionOnFailure=false&followRedirects=false"
                        + "&connectTimeout=2500&responseTimeout=2500&soTimeout=2500");
    }

    @Test
    void nonVerifyingHttpsConnectionTrustsAnyCertificateAndHostname() {
        assertThat(QuayEndpoints.uri(connection("https://quay.example.com", false)))
                .endsWith("&sslContextParameters=#quayTrustAllTls&x509HostnameVerifier=#quayNoHostnameCheck");
    }

    @Test
    void connectionsWithTheSameSettingsShareOneUriWhateverTheirCredentials() {
        QuayConnection token = connection("https://quay.example.com", true);
        QuayConnection password = new QuayConnection(token.baseUri(), true, token.timeout(),
                new QuayConnection.Credentials.UsernamePassword("u", "p"));
        QuayConnection slower = new QuayConnection(token.baseUri(), true, Duration.ofSeconds(30), token.credentials());

        assertThat(QuayEndpoints.uri(password)).isSameAs(QuayEndpoints.uri(token));
        assertThat(QuayEndpoints.uri(slower)).contains("connectTimeout=30000").isNotEqualTo(QuayEndpoints.uri(token));
    }

    @Test
    void plainHttpNeverGetsTlsOptions() {
        assertThat(QuayEndpoints.uri(connection("http://127.0.0.1:8080", false))).doesNotContain("ssl", "Hostname");
    }
}
