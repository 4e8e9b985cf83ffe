package io.github.quayorgmirror.reconcile;

import io.github.quayorgmirror.quay.QuayConnection;
import io.github.quayorgmirror.secret.SecretSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The last connection successfully read from each connection Secret that mirrors reference, in memory only: when
 * the Secret is deleted together with its mirrors (a namespace teardown), their deletion can still remove the
 * configurations from Quay. An entry lives as long as the referenced-Secret cache holds its Secret (as long as a
 * mirror references it: the cache forgets it, and {@link #forget} is told, after the last mirror naming it was
 * deleted or changed) or until the last mirror using it is released; a restart forgets them all. Fed from one place
 * ({@link ConnectionSteps#readSecret}), which also finds here the connection parsed from the same version of the
 * Secret; the values never leave the controller.
 */
public class KnownConnections {

    /** The snapshot it was parsed from, compared by identity: the cache makes a new one for each new version. */
    private record Known(SecretSnapshot readFrom, QuayConnection connection) {
    }

    private final Map<String, Known> bySecret = new ConcurrentHashMap<>();
    private final Function<String, List<String>> mirrorsUsing;
    private final Predicate<String> held;

    /**
     * @param mirrorsUsing {@code namespace/name} of a Secret → keys of the mirrors that reference it
     * @param held         whether the referenced-Secret cache still holds the Secret {@code namespace/name}
     */
    public KnownConnections(Function<String, List<String>> mirrorsUsing, Predicate<String> held) {
        this.mirrorsUsing = mirrorsUsing;
        this.held = held;
    }

    /** The connection parsed from this very snapshot of the Secret, or null when it was not parsed yet. */
    public QuayConnection parsedFrom(String secretKey, SecretSnapshot snapshot) {
        Known known = bySecret.get(secretKey);
        return known != null && known.readFrom() == snapshot ? known.connection() : null;
    }

    /** After a new version of the Secret was read and parsed for a pass. */
    public void remember(String secretKey, SecretSnapshot readFrom, QuayConnection connection) {
        bySecret.put(secretKey, new Known(readFrom, connection));
        if (!held.test(secretKey)) {
            // forgotten by the cache while this pass read it (its mirror names another Secret now)
            bySecret.remove(secretKey);
        }
    }

    public Optional<QuayConnection> lastKnown(String secretKey) {
        return Optional.ofNullable(bySecret.get(secretKey)).map(Known::connection);
    }

    /** The referenced-Secret cache let go of the Secret: no mirror references it any more. */
    public void forget(String secretKey) {
        bySecret.remove(secretKey);
    }

    /** A mirror let go of: its Secret is forgotten unless another mirror still references it. */
    public void released(String secretKey, String mirrorKey) {
        if (mirrorsUsing.apply(secretKey).stream().allMatch(mirrorKey::equals)) {
            bySecret.remove(secretKey);
        }
    }
}
