package io.github.quayorgmirror.quay;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** A Quay call that got no answer: an untrusted certificate is permanent, every other I/O failure retryable. */
final class QuayIoFailure {

    private QuayIoFailure() {
    }

    static void raise(QuayRequest request, QuayConnection connection, Exception failure)
            throws QuayUnavailableException, QuayRetryableException {
        if (isUntrustedCertificate(failure)) {
            // a certificate Quay's clients do not trust will not become trusted by retrying
            throw new QuayUnavailableException(request.operation().tag(), 0, "TLS handshake with Quay at "
                    + connection.baseUri() + " failed (" + failure.getMessage() + "): install the CA that signed"
                    + " Quay's certificate in the controller's trust store, or set validateCerts: \"false\" in the"
                    + " connection Secret");
        }
        throw new QuayRetryableException(request, connection, describe(failure), 0, null);
    }

    /**
     * The certificate chain was refused, or the certificate does not name the host. Other TLS failures (a handshake
     * reset by a proxy or a restarting Quay) are transient.
     */
    static boolean isUntrustedCertificate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CertificateException || cause instanceof CertPathValidatorException
                    || cause instanceof SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Exception failure) {
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host " + failure.getMessage();
        }
        String message = failure.getMessage();
        return failure instanceof IOException && message != null ? message : failure.getClass().getSimpleName();
    }
}
