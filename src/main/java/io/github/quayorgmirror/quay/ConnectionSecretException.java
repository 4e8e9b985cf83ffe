package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.failure.ReconcileFailure;

/**
 * The connection Secret cannot be used. The message names the Secret and the key at fault, never a value:
 * a mistyped token must not end up in status, Events or logs.
 */
public class ConnectionSecretException extends Exception implements ReconcileFailure {

    private final String secret;
    private final String key;

    public ConnectionSecretException(String secret, String key, String problem) {
        super("Secret " + secret + (key == null ? "" : ", key '" + key + "'") + ": " + problem);
        this.secret = secret;
        this.key = key;
    }

    /** {@code namespace/name} of the Secret. */
    public String secret() {
        return secret;
    }

    /** The offending key, or null when the problem is not tied to one key. */
    public String key() {
        return key;
    }

    @Override
    public ConditionReason reason() {
        return ConditionReason.InvalidSecret;
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
