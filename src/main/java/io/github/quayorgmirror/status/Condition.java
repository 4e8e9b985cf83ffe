package io.github.quayorgmirror.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

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

    public static Condition of(String type, boolean status, String reason, String message, long generation) {
        return new Condition(type, status ? "True" : "False", reason, message, null, generation);
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
