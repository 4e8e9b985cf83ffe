package io.github.quayorgmirror.leader;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.failure.ReconcileFailure;

/**
 * A write refused by the {@link LeadershipFence}: the pass stops there. It is not the resource's failure, so it
 * reaches neither the status nor the Events (that would be a write too); the next leader reconciles the resource.
 */
public class LeadershipLostException extends Exception implements ReconcileFailure {

    public LeadershipLostException(String message) {
        super(message);
    }

    @Override
    public ConditionReason reason() {
        return ConditionReason.LeadershipLost;
    }

    @Override
    public boolean permanent() {
        return false;
    }
}
