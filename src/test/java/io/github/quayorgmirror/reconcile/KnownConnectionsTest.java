package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.quay.QuayConnection;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownConnectionsTest {

    private final Map<String, List<String>> references = new HashMap<>();
    private final KnownConnections known = new KnownConnections(secret -> references.getOrDefault(secret, List.of()));
    private final QuayConnection connection = new QuayConnection(URI.create("https://quay.example.com"), true,
            Duration.ofSeconds(10), new QuayConnection.Credentials.Token("t0ken"));

    @Test
    void aSecretIsRememberedUntilTheLastMirrorReferencingItIsReleased() {
        references.put("ns/conn", List.of("ns/a", "ns/b"));
        known.remember("ns/conn", connection);

        known.released("ns/conn", "ns/a");
        assertThat(known.lastKnown("ns/conn")).as("ns/b still references it").contains(connection);

        references.put("ns/conn", List.of("ns/b"));
        known.released("ns/conn", "ns/b");
        assertThat(known.lastKnown("ns/conn")).isEmpty();
    }

    @Test
    void secretsNoMirrorReferencesAnyMoreAreForgottenAtTheNextRead() {
        references.put("ns/old", List.of("ns/a"));
        known.remember("ns/old", connection);
        // ns/a now names another Secret
        references.put("ns/old", List.of());
        references.put("ns/new", List.of("ns/a"));

        known.remember("ns/new", connection);

        assertThat(known.lastKnown("ns/old")).isEmpty();
        assertThat(known.lastKnown("ns/new")).contains(connection);
    }
}
