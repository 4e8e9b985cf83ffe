package io.github.quayorgmirror.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quayorgmirror.quay.QuayConnection;
import io.github.quayorgmirror.secret.SecretSnapshot;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownConnectionsTest {

    private final Map<String, List<String>> references = new HashMap<>();
    private final Set<String> held = new HashSet<>(Set.of("ns/conn", "ns/old", "ns/new"));
    private final KnownConnections known = new KnownConnections(secret -> references.getOrDefault(secret, List.of()),
            held::contains);
    private final QuayConnection connection = new QuayConnection(URI.create("https://quay.example.com"), true,
            Duration.ofSeconds(10), new QuayConnection.Credentials.Token("t0ken"));
    private final SecretSnapshot snapshot = new SecretSnapshot(true, "7", Set.of(), Map.of("token", "dDBrZW4="));

    @Test
    void aSecretIsRememberedUntilTheLastMirrorReferencingItIsReleased() {
        references.put("ns/conn", List.of("ns/a", "ns/b"));
        known.remember("ns/conn", snapshot, connection);

        known.released("ns/conn", "ns/a");
        assertThat(known.lastKnown("ns/conn")).as("ns/b still references it").contains(connection);

        references.put("ns/conn", List.of("ns/b"));
        known.released("ns/conn", "ns/b");
        assertThat(known.lastKnown("ns/conn")).isEmpty();
    }

    @Test
    void aSecretTheReferencedSecretCacheLetsGoOfIsForgotten() {
        known.remember("ns/old", snapshot, connection);
        known.remember("ns/new", snapshot, connection);

        known.forget("ns/old");

        assertThat(known.lastKnown("ns/old")).isEmpty();
        assertThat(known.lastKnown("ns/new")).contains(connection);
    }

    @Test
    void aSecretReadWhileTheCacheLetGoOfItIsNotKept() {
        held.remove("ns/old");

        known.remember("ns/old", snapshot, connection);

        assertThat(known.lastKnown("ns/old")).isEmpty();
    }

    @Test
    void theParsedConnectionIsFoundForTheSnapshotItWasParsedFromOnly() {
        known.remember("ns/conn", snapshot, connection);

        assertThat(known.parsedFrom("ns/conn", snapshot)).isSameAs(connection);
        SecretSnapshot nextVersion = new SecretSnapshot(true, "8", Set.of(), Map.of("token", "bjN3"));
        assertThat(known.parsedFrom("ns/conn", nextVersion)).isNull();
        assertThat(known.parsedFrom("ns/other", snapshot)).isNull();
    }
}
