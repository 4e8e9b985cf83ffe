package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/**
 * Every field of the built-in kinds under k8s/ (Deployment, Service, RBAC, ...) is a field Kubernetes knows: a typo
 * such as {@code readOnlyRootFileSystem} would be dropped silently by the API server. fabric8's typed model keeps
 * unknown fields in {@code additionalProperties}, which must stay empty everywhere.
 */
class KubernetesFieldNamesTest {
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void builtInKindsUseOnlyKnownFields() {
        List<String> typed = new ArrayList<>();
        for (Manifest manifest : Manifest.all()) {
            KubernetesResource resource = serialization.convertValue(manifest.body(), KubernetesResource.class);
            if (resource instanceof GenericKubernetesResource) {
                continue;
            }
            typed.add(manifest.kind());
            assertThat(unknownFields(resource, manifest.kind())).as("unknown fields in %s", manifest).isEmpty();
        }
        assertThat(typed).contains("Deployment", "Service", "ServiceAccount", "ClusterRole", "Role", "RoleBinding",
                "ClusterRoleBinding", "Namespace");
    }

    private static List<String> unknownFields(Object node, String path) {
        List<String> unknown = new ArrayList<>();
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknown.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknown.addAll(unknownFields(value, path + "." + key)));
        } else if (node != null && node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method getter : node.getClass().getMethods()) {
                if (!isPropertyGetter(getter)) {
                    continue;
                }
                Object value = invoke(getter, node);
                if ("getAdditionalProperties".equals(getter.getName()) && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                } else {
                    unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
                }
            }
        }
        return unknown;
    }

    private static boolean isPropertyGetter(Method method) {
        return method.getName().startsWith("get") && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
