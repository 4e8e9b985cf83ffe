package io.github.quayorgmirror.quay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuayIoFailureTest {

    private static final QuayRequest REQUEST = new QuayRequest(QuayOperation.GET_ORG_MIRROR, "/x", null);
    private static final QuayConnection CONNECTION = new QuayConnection(URI.create("https://quay.example.com"), true,
            Duration.ofSeconds(5), new QuayConnection.Credentials.Token("t"));

    static Stream<Exception> untrustedCertificates() {
        return Stream.of(
                handshake("PKIX path building failed", new CertificateException("unable to find valid certification path")),
                handshake("validation failed", new CertPathValidatorException("expired")),
                new SSLPeerUnverifiedException("Certificate for <quay.example.com> doesn't match"),
                new SSLException("wrapped", new SSLPeerUnverifiedException("peer not authenticated")));
    }

    static Stream<Exception> transientFailures() {
        return Stream.of(
                new SSLHandshakeException("Remote host terminated the handshake"),
                new SSLException("Connection reset", new SocketException("Connection reset")),
                new ConnectException("Connection refused"),
                new IOException("Broken pipe"));
    }

    @ParameterizedTest
    @MethodSource("untrustedCertificates")
    void untrustedCertificateIsPermanentWithTheTrustStoreAdvice(Exception failure) {
        assertThatThrownBy(() -> QuayIoFailure.raise(REQUEST, CONNECTION, failure))
                .isInstanceOf(QuayUnavailableException.class)
                .hasMessageStartingWith("TLS handshake with Quay at https://quay.example.com failed")
                .hasMessageContaining("install the CA");
    }

    @ParameterizedTest
    @MethodSource("transientFailures")
    void otherIoAndTlsFailuresAreRetryable(Exception failure) {
        assertThatThrownBy(() -> QuayIoFailure.raise(REQUEST, CONNECTION, failure))
                .isInstanceOf(QuayRetryableException.class)
                .hasMessageNotContaining("install the CA")
                .hasMessageEndingWith("from Quay at https://quay.example.com (quay-get-org-mirror)");
    }

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException failure = new SSLHandshakeException(message);
        failure.initCause(cause);
        return failure;
    }
}
