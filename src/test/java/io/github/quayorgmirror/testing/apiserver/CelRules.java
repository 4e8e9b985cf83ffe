package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates {@code x-kubernetes-validations} rules with the CEL library, {@code self} (and {@code oldSelf} for
 * transition rules) being the value the rule is attached to, converted to CEL's values as the API server does.
 */
final class CelRules {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS).addVar("self", SimpleType.DYN).addVar("oldSelf", SimpleType.DYN).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    /** A transition rule compares with the stored value, so it only runs on an update where that value exists. */
    static boolean isTransitionRule(String rule) {
        return rule.contains("oldSelf");
    }

    /** Whether the rule holds; an error while evaluating counts as a refusal, as in Kubernetes. */
    boolean holds(String rule, JsonNode self, JsonNode oldSelf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("self", toCel(self));
        if (oldSelf != null) {
            variables.put("oldSelf", toCel(oldSelf));
        }
        try {
            return Boolean.TRUE.equals(program(rule).eval(variables));
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    private CelRuntime.Program program(String rule) {
        return programs.computeIfAbsent(rule, source -> {
            try {
                return RUNTIME.createProgram(COMPILER.compile(source).getAst());
            } catch (CelValidationException | CelEvaluationException e) {
                throw new IllegalArgumentException("CEL rule does not compile: " + source, e);
            }
        });
    }

    private static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), toCel(field.getValue()));
                }
            });
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
