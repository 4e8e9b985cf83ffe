package io.github.quayorgmirror.secret;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A Secret as {@code kubectl apply} leaves it: its annotation last-applied-configuration repeats every value. */
public final class KubectlApplied {

    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private KubectlApplied() {
    }

    public static Secret secret(String namespace, String name, Map<String, String> values) {
        Map<String, String> data = new TreeMap<>();
        values.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        String lastApplied = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"" + name
                + "\"},\"stringData\":" + values.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":\"" + entry.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}")) + "}";
        return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .addToAnnotations(LAST_APPLIED, lastApplied).endMetadata().withType("Opaque").withData(data).build();
    }
}
