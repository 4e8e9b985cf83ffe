package io.github.quayorgmirror.benchmark;

import io.github.quayorgmirror.fakequay.FakeQuay;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.UUID;

/**
 * The fake Quay's self-signed certificate as the controller process's JVM trust store: the controller verifies
 * Quay's certificate ({@code validateCerts: "true"}) with the JVM's default trust managers, as it would trust a
 * cluster's CA bundle mounted into the pod.
 */
final class QuayTrustStore {

    private QuayTrustStore() {
    }

    /** Writes a PKCS12 trust store holding only the fake Quay's certificate; returns the JVM properties naming it. */
    static Map<String, String> write(Path file) {
        String password = UUID.randomUUID().toString();
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("fakequay", FakeQuay.certificate());
            trust.store(out, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + file, e);
        }
        return Map.of("javax.net.ssl.trustStore", file.toAbsolutePath().toString(),
                "javax.net.ssl.trustStorePassword", password, "javax.net.ssl.trustStoreType", "PKCS12");
    }
}
