package io.github.quayorgmirror.secret;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the controller keeps of a referenced Secret: its resourceVersion, the namespaces it may be used from
 * (annotation {@value #ALLOWED_NAMESPACES}), and the {@code data} values of the keys a parser reads. Every other
 * annotation (kubectl's last-applied-configuration holds the values), label and key is dropped on arrival.
 *
 * @param exists          false for a Secret that does not exist (yet)
 * @param resourceVersion opaque, compared for equality only
 * @param data            base64 values, as in the Secret's {@code data}, of the kept keys only
 */
public record SecretSnapshot(boolean exists, String resourceVersion, Set<String> allowedNamespaces,
        Map<String, String> data) {

    public static final String ALLOWED_NAMESPACES = "quay.herve4m.github.io/allowed-namespaces";
    public static final SecretSnapshot ABSENT = new SecretSnapshot(false, null, Set.of(), Map.of());

    /** The kept part of {@code secret}: the values of {@code keys} only. */
    public static SecretSnapshot of(Secret secret, Set<String> keys) {
        Map<String, String> kept = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> {
                if (keys.contains(key) && value != null) {
                    kept.put(key, value);
                }
            });
        }
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        String allowed = annotations == null ? null : annotations.get(ALLOWED_NAMESPACES);
        return new SecretSnapshot(true, secret.getMetadata().getResourceVersion(), namespaces(allowed), Map.copyOf(kept));
    }

    /** {@code "team-a, team-b"} → the set; {@code "*"} stays as the one element {@code *}. */
    static Set<String> namespaces(String annotation) {
        if (annotation == null) {
            return Set.of();
        }
        return Arrays.stream(annotation.split(",")).map(String::trim).filter(namespace -> !namespace.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the Secret's owner allows a resource of {@code namespace} to use it. */
    public boolean allowsNamespace(String namespace) {
        return allowedNamespaces.contains("*") || allowedNamespaces.contains(namespace);
    }

    @Override
    public String toString() {
        return "SecretSnapshot[exists=" + exists + ", resourceVersion=" + resourceVersion + ", allowedNamespaces="
                + allowedNamespaces + ", keys=" + data.keySet() + "]";
    }
}
