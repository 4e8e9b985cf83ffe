package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The manifests under k8s/ parse, and the Deployment agrees with the controller's configuration. */
class ManifestsTest {
    static final String ROUTES_MOUNT = "/deployments/routes";
    private static final Map<String, Object> FROM_POD_NAMESPACE =
            Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace"));

    private final ConfigurationKeys configuration = ConfigurationKeys.load();
    private final Manifest deployment = Manifest.in("deploy/deployment.yaml", "Deployment");
    private final Map<String, Object> container = deployment.maps("spec.template.spec.containers").get(0);
    private final Map<String, Object> namespacedContainer =
            Manifest.in("overlays/namespaced/watch-own-namespace.yaml", "Deployment")
                    .maps("spec.template.spec.containers").get(0);

    @Test
    void everyManifestUnderK8sParsesAndNamesItsKind() {
        List<Manifest> manifests = Manifest.all();

        assertThat(manifests).hasSizeGreaterThan(10);
        assertThat(manifests).allSatisfy(manifest -> {
            assertThat(manifest.text("apiVersion")).as("apiVersion of %s", manifest.file()).isNotBlank();
            assertThat(manifest.kind()).as("kind of %s", manifest.file()).isNotBlank();
        });
    }

    @Test
    void containerExposesTheManagementPortCamelListensOn() {
        Map<String, Object> port = YamlTree.maps(container, "ports").get(0);

        assertThat(port).containsEntry("name", "management").containsEntry("protocol", "TCP");
        assertThat(port.get("containerPort").toString()).isEqualTo(configuration.effectiveValue("camel.management.port"));
        assertThat(Manifest.in("monitoring/service.yaml", "Service").maps("spec.ports"))
                .singleElement()
                .satisfies(servicePort -> assertThat(servicePort)
                        .containsEntry("name", "management").containsEntry("targetPort", "management"));
    }

    @Test
    void probesUseCamelsManagementHealthPath() {
        String healthPath = configuration.effectiveValue("camel.management.healthPath");

        assertThat(YamlTree.text(container, "livenessProbe.httpGet.path")).isEqualTo(healthPath + "/live");
        assertThat(YamlTree.text(container, "startupProbe.httpGet.path")).isEqualTo(healthPath + "/live");
        assertThat(YamlTree.text(container, "readinessProbe.httpGet.path")).isEqualTo(healthPath + "/ready");
        for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
            assertThat(YamlTree.text(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
    }

    @Test
    void serviceMonitorScrapesCamelsMetricsPath() {
        Manifest monitor = Manifest.in("monitoring/service-monitor.yaml", "ServiceMonitor");

        assertThat(monitor.maps("spec.endpoints")).singleElement().satisfies(endpoint -> assertThat(endpoint)
                .containsEntry("port", "management")
                .containsEntry("path", configuration.effectiveValue("camel.metrics.path")));
        assertThat(monitor.map("spec.selector.matchLabels"))
                .isEqualTo(Manifest.in("monitoring/service.yaml", "Service").map("metadata.labels"));
    }

    @Test
    void environmentSetsExistingKeysAndAvoidsThePortTrap() {
        assertThat(ContainerEnvironment.names(container))
                .contains("ORGMIRROR_LEADER_ELECTION_ENABLED", "ORGMIRROR_LEADER_ELECTION_LEASE_NAMESPACE");
        assertThat(ContainerEnvironment.names(namespacedContainer)).contains("ORGMIRROR_WATCH_NAMESPACES");
        ContainerEnvironment.assertSetExistingKeys(configuration, ContainerEnvironment.names(container));
        ContainerEnvironment.assertSetExistingKeys(configuration, ContainerEnvironment.names(namespacedContainer));
    }

    @Test
    void leaseAndWatchedNamespacesComeFromTheDownwardApi() {
        assertThat(ContainerEnvironment.variable(container, "ORGMIRROR_LEADER_ELECTION_ENABLED"))
                .containsEntry("value", "true");
        assertThat(ContainerEnvironment.variable(container, "ORGMIRROR_LEADER_ELECTION_LEASE_NAMESPACE"))
                .containsEntry("valueFrom", FROM_POD_NAMESPACE);
        assertThat(ContainerEnvironment.variable(namespacedContainer, "ORGMIRROR_WATCH_NAMESPACES"))
                .containsEntry("valueFrom", FROM_POD_NAMESPACE);
    }

    @Test
    void podRunsUnderTheRestrictedPodSecurityStandard() {
        Map<String, Object> podSecurity = deployment.map("spec.template.spec.securityContext");
        Map<String, Object> containerSecurity = YamlTree.map(container, "securityContext");

        assertThat(podSecurity).containsEntry("runAsNonRoot", true)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertThat(containerSecurity).containsEntry("runAsNonRoot", true)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
        assertThat(volumeMountedAt("/tmp")).containsKey("emptyDir");
        assertThat(YamlTree.map(container, "resources.requests")).containsKeys("cpu", "memory");
        assertThat(YamlTree.map(container, "resources.limits")).containsKeys("cpu", "memory");
        assertThat(Manifest.in("deploy/namespace.yaml", "Namespace").map("metadata.labels"))
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    /** Routes and Java of one build stay together: nothing is mounted over the image's routes. */
    @Test
    void routesAreTheImagesOwn() {
        assertThat(YamlTree.maps(container, "volumeMounts")).extracting(mount -> mount.get("mountPath").toString())
                .noneMatch(path -> path.startsWith(ROUTES_MOUNT));
        assertThat(ContainerEnvironment.variable(container, "CAMEL_MAIN_ROUTESINCLUDEPATTERN"))
                .containsEntry("value", "file:" + ROUTES_MOUNT + "/*.yaml");
        assertThat(deployment.text("spec.template.spec.serviceAccountName"))
                .isEqualTo(Manifest.in("rbac/service-account.yaml", "ServiceAccount").name());
    }

    private Map<String, Object> volumeMountedAt(String mountPath) {
        String volume = YamlTree.maps(container, "volumeMounts").stream()
                .filter(mount -> mountPath.equals(mount.get("mountPath")))
                .map(mount -> mount.get("name").toString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + mountPath));
        return deployment.maps("spec.template.spec.volumes").stream()
                .filter(candidate -> volume.equals(candidate.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + volume));
    }
}
