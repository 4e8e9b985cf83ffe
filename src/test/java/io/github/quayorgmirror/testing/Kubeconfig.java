package io.github.quayorgmirror.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file for one API server, for code that finds its cluster the way kubectl does. */
public final class Kubeconfig {

    private Kubeconfig() {
    }

    /** Writes a kubeconfig whose current context is {@code serverUrl} and {@code namespace}, with a dummy token. */
    public static Path write(Path file, String serverUrl, String namespace) {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                      insecure-skip-tls-verify: true
                users:
                  - name: mock
                    user:
                      token: mock-token
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: mock
                      namespace: %s
                current-context: mock
                """.formatted(serverUrl, namespace);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
