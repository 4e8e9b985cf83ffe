package io.github.quayorgmirror.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.quayorgmirror.failure.ConditionReason;

/** A status condition in the Kubernetes API conventions' shape ({@code metav1.Condition}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(String type, String status, String reason, String message, String lastTransitionTime,
        Long observedGeneration) {

    public static final String READY = "Ready";
    public static final String RECONCILING = "Reconciling";
    public static final String STALLED = "Stalled";
    /** Quay's verification of the source registry (POST …/mirror/verify), after a create or a credential change. */
    public static final String REGISTRY_VERIFIED = "RegistryVerified";

    /**
     * The longest message written. Longer ones are cut and end in "…": the CRD allows 32768 characters, and a
     * status write refused for its size would leave the user with no message at all.
     */
    public static final int MESSAGE_LIMIT = 1024;

    public static Condition of(String type, boolean status, ConditionReason reason, String message, long generation) {
        return new Condition(type, status ? "True" : "False", reason.name(), capped(message), null, generation);
    }

    /** The message, or its first {@value #MESSAGE_LIMIT} characters ending in "…". */
    public static String capped(String message) {
        if (message == null || message.length() <= MESSAGE_LIMIT) {
            return message;
        }
        int end = MESSAGE_LIMIT - 1;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "…";
    }

    /** Same meaning: everything but the transition time, which only moves when the status flips. */
    public boolean sameStateAs(Condition other) {
        return other != null && type.equals(other.type) && status.equals(other.status)
                && java.util.Objects.equals(reason, other.reason) && java.util.Objects.equals(message, other.message)
                && java.util.Objects.equals(observedGeneration, other.observedGeneration);
    }

    Condition withGeneration(long generation) {
        return new Condition(type, status, reason, message, lastTransitionTime, generation);
    }

    Condition withTransitionTime(String time) {
        return new Condition(type, status, reason, message, time, observedGeneration);
    }
}
