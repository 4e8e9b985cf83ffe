package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the API server needs to know of a CRD, read from its file when the server starts (no field is hard-coded). */
public record CrdModel(String group, String version, String plural, String singular, String kind, String listKind,
        List<String> shortNames, List<String> categories, boolean namespaced, JsonNode schema, JsonNode printerColumns) {

    public static CrdModel read(Path crdFile) {
        JsonNode crd;
        try {
            crd = new ObjectMapper(new YAMLFactory()).readTree(crdFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        JsonNode version = spec.path("versions").path(0);
        return new CrdModel(spec.path("group").asText(), version.path("name").asText(), names.path("plural").asText(),
                names.path("singular").asText(), names.path("kind").asText(), names.path("listKind").asText(),
                texts(names.path("shortNames")), texts(names.path("categories")),
                "Namespaced".equals(spec.path("scope").asText()), version.path("schema").path("openAPIV3Schema"),
                version.path("additionalPrinterColumns"));
    }

    public String groupVersion() {
        return group + "/" + version;
    }

    /** {@code organizationmirrors.quay.herve4m.github.io}, as Kubernetes names the resource in its messages. */
    public String qualifiedResource() {
        return plural + "." + group;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
