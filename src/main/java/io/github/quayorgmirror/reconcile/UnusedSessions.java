package io.github.quayorgmirror.reconcile;

import io.github.quayorgmirror.quay.ConnectionSecretException;
import io.github.quayorgmirror.quay.ConnectionSecretParser;
import io.github.quayorgmirror.quay.QuaySessionStore;
import io.github.quayorgmirror.secret.ReferencedSecretCache;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Signs out of Quay, and forgets, the sessions whose username and password no referenced Secret holds any more:
 * after a rotation, or once no resource names the Secret. Until then the old password stayed signed in.
 */
public class UnusedSessions {

    private final ReferencedSecretCache secrets;
    private final Supplier<QuaySessionStore> sessions;

    public UnusedSessions(ReferencedSecretCache secrets, Supplier<QuaySessionStore> sessions) {
        this.secrets = secrets;
        this.sessions = sessions;
    }

    public void signOut() {
        QuaySessionStore store = sessions.get();
        // nothing to sign out (e.g. token connections only): no Secret is parsed on this mirror event
        if (store == null || store.isEmpty()) {
            return;
        }
        Set<String> inUse = new HashSet<>();
        secrets.snapshots().forEach((ref, snapshot) -> {
            if (!snapshot.exists()) {
                return;
            }
            try {
                String login = ConnectionSecretParser.parse(ref.toString(), snapshot.data()).sessionKey();
                if (login != null) {
                    inUse.add(login);
                }
            } catch (ConnectionSecretException unusable) {
                // a Secret that cannot be parsed signs nobody in
            }
        });
        store.signOutUnless(inUse);
    }
}
