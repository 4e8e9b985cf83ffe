package io.github.quayorgmirror.quay.mapping;

import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.failure.ReconcileFailure;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The spec cannot be turned into a Quay mirror configuration. Carries every invalid field at once, so the
 * user fixes them in one edit; retrying without a spec change cannot help.
 */
public class SpecValidationException extends Exception implements ReconcileFailure {

    private final List<FieldProblem> problems;

    public SpecValidationException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    @Override
    public ConditionReason reason() {
        return ConditionReason.InvalidSpec;
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
