package io.github.quayorgmirror.quay.mapping;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation pass, so that all of them are reported together. */
final class SpecProblems {

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String problem, String rule) {
        problems.add(new FieldProblem(field, problem, rule));
    }

    void throwIfAny() throws SpecValidationException {
        if (!problems.isEmpty()) {
            throw new SpecValidationException(problems);
        }
    }
}
