package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every key of application.properties with its environment variable and default. */
class ConfigurationDocTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-zA-Z.-]+)` \\| ([^|]+) \\| ([^|]+) \\| [^|]+ \\|$");

    private final ConfigurationKeys configuration = ConfigurationKeys.load();
    private final Map<String, List<String>> rows = rows(ProjectTree.read("docs/configuration.md"));

    @Test
    void everyKeyHasARowWithItsDefault() {
        assertThat(configuration.applicationKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(rows).as("row of %s", key).containsKey(key);
            String value = configuration.applicationValue(key);
            assertThat(rows.get(key).get(1)).as("default of %s", key)
                    .isEqualTo(value.isEmpty() ? "(empty)" : "`" + value + "`");
        });
    }

    @Test
    void everyKeyShowsTheEnvironmentVariableThatSetsIt() {
        for (String key : configuration.applicationKeys()) {
            String environmentName = ConfigurationKeys.environmentName(key);
            String cell = rows.get(key).get(0);
            if (ConfigurationKeys.ignoredByCamelMain(environmentName)) {
                assertThat(cell).as("variable of %s", key).contains("ignored").contains("`_PORT`");
            } else {
                assertThat(cell).as("variable of %s", key).isEqualTo("`" + environmentName + "`");
            }
        }
    }

    @Test
    void documentedKeysExist() {
        assertThat(rows.keySet()).allSatisfy(key -> assertThat(
                configuration.keyOf(ConfigurationKeys.environmentName(key))).as("key %s", key).isPresent());
    }

    private static Map<String, List<String>> rows(String markdown) {
        Map<String, List<String>> rows = new HashMap<>();
        Matcher row = ROW.matcher(markdown);
        while (row.find()) {
            rows.put(row.group(1), List.of(row.group(2).trim(), row.group(3).trim()));
        }
        return rows;
    }
}
