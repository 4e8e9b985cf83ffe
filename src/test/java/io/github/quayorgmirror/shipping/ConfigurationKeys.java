package io.github.quayorgmirror.shipping;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The configuration keys the controller understands: those of application.properties and camel-main's own options
 * (from camel-main's configuration metadata), with the environment-variable names that set them.
 */
final class ConfigurationKeys {
    private static final String CAMEL_MAIN_METADATA = "META-INF/camel-main-configuration-metadata.json";

    private final Properties applicationProperties;
    private final Map<String, JsonNode> camelMainOptions;

    private ConfigurationKeys(Properties applicationProperties, Map<String, JsonNode> camelMainOptions) {
        this.applicationProperties = applicationProperties;
        this.camelMainOptions = camelMainOptions;
    }

    static ConfigurationKeys load() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(ProjectTree.read("src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationKeys(properties, camelMainOptions());
    }

    /**
     * The environment variable for a key: upper case, '.' and '-' as '_'. camelCase words of camel-main keys stay
     * glued (camel.main.routesIncludePattern is CAMEL_MAIN_ROUTESINCLUDEPATTERN), since camel-main lower-cases the
     * variable and turns '_' into '.'.
     */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** camel-main skips these variables when it turns environment variables into camel.* options. */
    static boolean ignoredByCamelMain(String environmentName) {
        return environmentName.endsWith("_PORT") || environmentName.contains("_PORT_")
                || environmentName.endsWith("_SERVICE_HOST");
    }

    Set<String> applicationKeys() {
        return new TreeSet<>(applicationProperties.stringPropertyNames());
    }

    String applicationValue(String key) {
        return applicationProperties.getProperty(key);
    }

    /** The key an environment variable sets, from application.properties first, then camel-main's options. */
    Optional<String> keyOf(String environmentName) {
        return Stream.concat(applicationKeys().stream(), camelMainOptions.keySet().stream())
                .filter(key -> environmentName(key).equals(environmentName))
                .findFirst();
    }

    /** The value in application.properties, else camel-main's documented default. */
    String effectiveValue(String key) {
        String configured = applicationValue(key);
        if (configured != null) {
            return configured;
        }
        JsonNode option = camelMainOptions.get(key);
        if (option == null || !option.has("defaultValue")) {
            throw new IllegalArgumentException("neither configured nor a camel-main option with a default: " + key);
        }
        return option.get("defaultValue").asText();
    }

    private static Map<String, JsonNode> camelMainOptions() {
        try (InputStream metadata = ConfigurationKeys.class.getClassLoader().getResourceAsStream(CAMEL_MAIN_METADATA)) {
            if (metadata == null) {
                throw new IllegalStateException(CAMEL_MAIN_METADATA + " is not on the test classpath");
            }
            Map<String, JsonNode> options = new HashMap<>();
            new ObjectMapper().readTree(metadata).get("properties")
                    .forEach(option -> options.put(option.get("name").asText(), option));
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
