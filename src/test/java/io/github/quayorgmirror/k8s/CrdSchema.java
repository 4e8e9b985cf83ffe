package io.github.quayorgmirror.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CRD's {@code openAPIV3Schema} as a JSON Schema (draft-07), to check manifests the way the API
 * server's OpenAPI validation would. What JSON Schema cannot express is dropped: the
 * {@code x-kubernetes-*} keys (list types, CEL rules) and OpenAPI-only formats such as int64.
 * CEL rules are not evaluated here.
 */
public final class CrdSchema {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> OPENAPI_ONLY_FORMATS = Set.of("int32", "int64", "float", "double", "byte",
            "binary", "password");

    private final JsonNode crd;
    private final JsonSchema schema;

    private CrdSchema(JsonNode crd) {
        this.crd = crd;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(toJsonSchema(openApiSchema().deepCopy()), config);
    }

    public static CrdSchema load(Path crdFile) {
        return new CrdSchema(readYaml(crdFile));
    }

    public static CrdSchema load(InputStream crdYaml) {
        try (crdYaml) {
            return new CrdSchema(YAML.readTree(crdYaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parseYaml(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode crd() {
        return crd;
    }

    public JsonNode version() {
        return crd.path("spec").path("versions").path(0);
    }

    public JsonNode openApiSchema() {
        return version().path("schema").path("openAPIV3Schema");
    }

    /** The schema of {@code spec} or {@code status}, as written in the CRD. */
    public JsonNode section(String name) {
        return openApiSchema().path("properties").path(name);
    }

    /** The validation errors for a manifest; empty when the API server's schema check would pass. */
    public List<String> validate(JsonNode manifest) {
        return schema.validate(manifest).stream().map(ValidationMessage::getMessage).sorted()
                .collect(Collectors.toList());
    }

    private static JsonNode toJsonSchema(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> dropped = object.properties().stream()
                    .filter(field -> field.getKey().startsWith("x-kubernetes-") || field.getKey().equals("format")
                            && OPENAPI_ONLY_FORMATS.contains(field.getValue().asText()))
                    .map(Map.Entry::getKey).toList();
            object.remove(dropped);
            object.properties().forEach(field -> toJsonSchema(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(CrdSchema::toJsonSchema);
        }
        return node;
    }
}
