package io.github.quayorgmirror.fakequay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTPS with a certificate generated at test time: rejected by default trust, accepted when trusted. */
class FakeQuayHttpsTest {

    private FakeQuay quay;

    @BeforeEach
    void start() {
        quay = FakeQuay.startHttps();
        quay.addOrganization("org");
        quay.addUser("alice", "alice-pw");
        quay.makeOrgAdmin("org", "alice");
    }

    @AfterEach
    void stop() {
        quay.close();
    }

    @Test
    void baseUriIsHttpsOnLoopback() {
        assertThat(quay.baseUri().getScheme()).isEqualTo("https");
        assertThat(quay.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(FakeQuay.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
    }

    @Test
    void defaultTrustRejectsTheSelfSignedCertificate() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(quay.baseUri().resolve("/config")).build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(quay.calls()).isEmpty();
    }

    @Test
    void trustAllClientSucceeds() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new TrustEverything()}, null);
        QuayTestClient client = new QuayTestClient(quay.baseUri(), trustAll);
        assertThat(client.get("/config").json().at("/features/ORG_MIRROR").booleanValue()).isTrue();
    }

    @Test
    void clientTrustingTheFakeCertificateSignsInOverTls() throws IOException {
        QuayTestClient client = new QuayTestClient(quay.baseUri(), FakeQuay.clientSslContext());
        assertThat(client.get("/api/v1/organization/org").json().get("name").asText()).isEqualTo("org");
        assertThat(quay.calls()).extracting(RecordedCall::status).containsExactly(200);
    }

    @Test
    void droppedConnectionOverTlsIsIoException() throws IOException {
        quay.failNext(FaultSpec.forPath("/api/v1/signout").dropConnection());
        QuayTestClient client = new QuayTestClient(quay.baseUri(), FakeQuay.clientSslContext());
        assertThatThrownBy(() -> client.post("/api/v1/signout", null)).isInstanceOf(IOException.class);
        assertThat(quay.calls()).extracting(RecordedCall::status).containsExactly(0);
    }

    /** The JDK client repeats an idempotent request once on a connection closed without answer. */
    @Test
    void droppedGetIsRetriedOnceByTheJdkClient() throws IOException {
        quay.failNext(FaultSpec.forPath("/config").times(2).dropConnection());
        QuayTestClient client = new QuayTestClient(quay.baseUri(), FakeQuay.clientSslContext());
        assertThatThrownBy(() -> client.get("/config")).isInstanceOf(IOException.class);
        assertThat(quay.calls()).extracting(RecordedCall::status).containsExactly(0, 0);
        assertThat(client.get("/config").status()).isEqualTo(200);
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // test-only: trusts any certificate
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // test-only: trusts any certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
