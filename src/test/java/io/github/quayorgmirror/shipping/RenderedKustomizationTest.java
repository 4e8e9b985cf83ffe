package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl apply -k} would apply, rendered by kubectl's own kustomize. Runs where kubectl is installed
 * (the build image has none, so these tests are skipped there).
 */
class RenderedKustomizationTest {
    private static final String NAMESPACE = "quay-orgmirror";
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding");

    @Test
    void defaultInstallPutsEveryNamespacedObjectInTheControllerNamespace() throws Exception {
        List<Manifest> objects = render("k8s");

        assertThat(objects).extracting(Manifest::kind).contains(
                "Namespace", "CustomResourceDefinition", "ServiceAccount", "ClusterRole", "ClusterRoleBinding",
                "Role", "RoleBinding", "Deployment", "Service", "ServiceMonitor", "ConfigMap");
        assertThat(objects).filteredOn(object -> !CLUSTER_SCOPED.contains(object.kind()))
                .allSatisfy(object -> assertThat(object.text("metadata.namespace")).as("%s", object).isEqualTo(NAMESPACE));
    }

    /** No ConfigMap carries routes: they come with the image, from the same build as the jar. */
    @Test
    void noConfigMapCarriesRoutes() throws Exception {
        assertThat(render("k8s")).filteredOn(object -> "ConfigMap".equals(object.kind()))
                .allSatisfy(configMap -> assertThat(configMap.body().get("data") instanceof Map<?, ?> data
                        ? data.keySet() : Set.of()).as("%s", configMap)
                        .noneMatch(key -> key.toString().endsWith(Manifest.ROUTE_SUFFIX)));
    }

    @Test
    void namespacedOverlayHoldsNoClusterWidePermission() throws Exception {
        List<Manifest> objects = render("k8s/overlays/namespaced");

        assertThat(objects).extracting(Manifest::kind).doesNotContainAnyElementsOf(CLUSTER_SCOPED)
                .contains("Role", "RoleBinding", "Deployment");
        Manifest deployment = objects.stream().filter(object -> "Deployment".equals(object.kind())).findFirst().orElseThrow();
        assertThat(YamlTree.maps(deployment.maps("spec.template.spec.containers").get(0), "env"))
                .extracting(env -> env.get("name"))
                .contains("ORGMIRROR_WATCH_NAMESPACES", "ORGMIRROR_LEADER_ELECTION_ENABLED",
                        "ORGMIRROR_LEADER_ELECTION_LEASE_NAMESPACE");
    }

    @Test
    void camelKInstallRunsTheIntegrationInsteadOfTheDeployment() throws Exception {
        List<Manifest> objects = render("k8s/camel-k");

        assertThat(objects).extracting(Manifest::kind).contains("Integration", "ServiceAccount", "ConfigMap", "Service")
                .doesNotContain("Deployment", "Namespace", "CustomResourceDefinition");
        Manifest service = objects.stream().filter(object -> "Service".equals(object.kind())).findFirst().orElseThrow();
        assertThat(service.map("spec.selector"))
                .isEqualTo(Map.of("camel.apache.org/integration", "quay-orgmirror-controller"));
    }

    private static List<Manifest> render(String kustomization) throws IOException, InterruptedException {
        Path kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not installed");
        Path output = Files.createTempFile("kustomize", ".yaml");
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization)
                    .directory(ProjectTree.ROOT.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
            assertThat(process.exitValue())
                    .as("kubectl kustomize %s: %s", kustomization, Files.readString(errors, StandardCharsets.UTF_8))
                    .isZero();
            String rendered = Files.readString(output, StandardCharsets.UTF_8);
            return YamlTree.documents(rendered).stream().map(body -> new Manifest(output, body)).toList();
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static Path kubectl() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }
}
