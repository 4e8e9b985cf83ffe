package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.failure.ConditionReason;

/**
 * Quay said 404 where something had to exist. A GET of the mirror that finds none is not an error
 * (the route answers "absent"); this is for a missing organization, or a mirror gone while we act on it.
 */
public class QuayNotFoundException extends QuayApiException {

    public enum Missing { ORGANIZATION, MIRROR }

    private final Missing missing;

    public QuayNotFoundException(String operation, Missing missing, String message) {
        super(operation, 404, message);
        this.missing = missing;
    }

    public Missing missing() {
        return missing;
    }

    @Override
    public ConditionReason reason() {
        return missing == Missing.ORGANIZATION ? ConditionReason.OrganizationNotFound : ConditionReason.MirrorNotFound;
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
