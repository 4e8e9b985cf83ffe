package io.github.quayorgmirror.reconcile;

import io.github.quayorgmirror.quay.QuayConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last connection successfully read from each connection Secret that mirrors reference, in memory only: when
 * the Secret is deleted together with its mirrors (a namespace teardown), their deletion can still remove the
 * configurations from Quay. An entry lives as long as a mirror references its Secret; a restart forgets them all.
 * Fed from one place ({@link ConnectionSteps#readSecret}); the values never leave the controller.
 */
public class KnownConnections {

    private final Map<String, QuayConnection> bySecret = new ConcurrentHashMap<>();
    private final Function<String, List<String>> mirrorsUsing;

    /** @param mirrorsUsing {@code namespace/name} of a Secret → keys of the mirrors that reference it */
    public KnownConnections(Function<String, List<String>> mirrorsUsing) {
        this.mirrorsUsing = mirrorsUsing;
    }

    /** After the Secret was read and parsed for a pass; Secrets no mirror references any more are forgotten. */
    public void remember(String secretKey, QuayConnection connection) {
        bySecret.put(secretKey, connection);
        // the pass that read secretKey is for a mirror naming it: only the others need the (O(mirrors)) look-up
        bySecret.keySet().removeIf(key -> !key.equals(secretKey) && mirrorsUsing.apply(key).isEmpty());
    }

    public Optional<QuayConnection> lastKnown(String secretKey) {
        return Optional.ofNullable(bySecret.get(secretKey));
    }

    /** A mirror let go of: its Secret is forgotten unless another mirror still references it. */
    public void released(String secretKey, String mirrorKey) {
        if (mirrorsUsing.apply(secretKey).stream().allMatch(mirrorKey::equals)) {
            bySecret.remove(secretKey);
        }
    }
}
