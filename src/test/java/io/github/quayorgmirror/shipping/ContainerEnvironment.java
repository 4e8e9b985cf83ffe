package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** The environment variables of a container spec, and the rule they must follow. */
final class ContainerEnvironment {
    /** Container variables that are not configuration keys. */
    private static final List<String> NOT_CONFIGURATION = List.of("JAVA_OPTS");

    private ContainerEnvironment() {
    }

    static List<String> names(Map<String, Object> container) {
        return YamlTree.maps(container, "env").stream().map(env -> env.get("name").toString()).toList();
    }

    static Map<String, Object> variable(Map<String, Object> container, String name) {
        return YamlTree.maps(container, "env").stream()
                .filter(env -> name.equals(env.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env var " + name));
    }

    /** Each variable sets a key of application.properties or a camel-main option, and is not one camel-main skips. */
    static void assertSetExistingKeys(ConfigurationKeys configuration, List<String> environmentNames) {
        assertThat(environmentNames).allSatisfy(name -> {
            assertThat(ConfigurationKeys.ignoredByCamelMain(name)).as("%s is ignored by camel-main", name).isFalse();
            if (!NOT_CONFIGURATION.contains(name)) {
                assertThat(configuration.keyOf(name)).as("configuration key set by %s", name).isPresent();
            }
        });
    }
}
