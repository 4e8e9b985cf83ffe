package io.github.quayorgmirror.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The spec of an OrganizationMirror, field for field as the existing operator's CRD declares it.
 * Every field is nullable: "absent" and "false"/"empty" mean different things (a field absent on
 * update is left alone in Quay). Durations and dates stay strings here; {@code quay.mapping}
 * parses them so that a bad value becomes a status message, not a deserialisation error.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationMirrorSpec(
        ConnSecretRef connSecretRef,
        Boolean preserveInQuayOnDeletion,
        String organization,
        String externalRegistryType,
        String externalRegistryUrl,
        String externalNamespace,
        String externalRegistryUsername,
        String externalRegistryPassword,
        ConnSecretRef externalRegistrySecretRef,
        String robotUsername,
        String visibility,
        List<String> repositoryFilters,
        String syncInterval,
        String syncStartDate,
        String skopeoTimeout,
        Boolean isEnabled,
        Boolean verifyTls,
        String httpProxy,
        String httpsProxy,
        String noProxy,
        Boolean forceSync) {

    /** A Secret reference {@code {name, namespace?}}: {@code connSecretRef}, and {@code externalRegistrySecretRef}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnSecretRef(String name, String namespace) {

        /** The Secret's namespace: {@code connSecretRef.namespace}, else the resource's own. */
        public String namespaceOr(String resourceNamespace) {
            return namespace == null || namespace.isBlank() ? resourceNamespace : namespace;
        }
    }

    /** Whether {@code externalRegistrySecretRef} names a Secret (a blank name counts as one, to be refused). */
    public boolean registrySecretReferenced() {
        return externalRegistrySecretRef != null;
    }

    /** Every field but the password's value: the spec travels in exchanges, logs and exception messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("OrganizationMirrorSpec[");
        for (RecordComponent component : OrganizationMirrorSpec.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value != null && component.getName().equals("externalRegistryPassword")) {
                value = "****";
            }
            text.append(text.length() > "OrganizationMirrorSpec[".length() ? ", " : "")
                    .append(component.getName()).append('=').append(value);
        }
        return text.append(']').toString();
    }

    public boolean preserveInQuay() {
        return Boolean.TRUE.equals(preserveInQuayOnDeletion);
    }

    public boolean forceSyncRequested() {
        return Boolean.TRUE.equals(forceSync);
    }
}
