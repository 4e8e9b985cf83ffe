package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The Deployment, the Camel K Integration and the Dockerfile agree with each other and with the configuration. */
class ManifestsTest {
    private static final String IMAGE = "quay.io/quay-orgmirror/quay-orgmirror-controller";
    private static final String ROUTES_MOUNT = "/deployments/routes";
    /** Container variables that are not configuration keys. */
    private static final List<String> NOT_CONFIGURATION = List.of("JAVA_OPTS");

    private final ConfigurationKeys configuration = ConfigurationKeys.load();
    private final Manifest deployment = Manifest.in("deploy/deployment.yaml", "Deployment");
    private final Map<String, Object> container = deployment.maps("spec.template.spec.containers").get(0);
    private final Manifest integration = Manifest.in("camel-k/integration.yaml", "Integration");

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
        assertThat(integration.text("spec.traits.health.livenessProbe")).isEqualTo(healthPath + "/live");
        assertThat(integration.text("spec.traits.health.readinessProbe")).isEqualTo(healthPath + "/ready");
        assertThat(integration.text("spec.traits.container.port"))
                .isEqualTo(configuration.effectiveValue("camel.management.port"));
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
    void deploymentEnvironmentSetsExistingKeysAndAvoidsThePortTrap() {
        List<String> names = YamlTree.maps(container, "env").stream().map(env -> env.get("name").toString()).toList();
        List<String> overlayNames = Manifest.in("overlays/namespaced/watch-own-namespace.yaml", "Deployment")
                .maps("spec.template.spec.containers").stream()
                .flatMap(overlayContainer -> YamlTree.maps(overlayContainer, "env").stream())
                .map(env -> env.get("name").toString())
                .toList();

        assertThat(names).contains("ORGMIRROR_LEADER_ELECTION_ENABLED", "ORGMIRROR_LEADER_ELECTION_LEASE_NAMESPACE");
        assertThat(overlayNames).contains("ORGMIRROR_WATCH_NAMESPACES");
        assertSetExistingKeys(names);
        assertSetExistingKeys(overlayNames);
    }

    @Test
    void leaseAndWatchedNamespacesComeFromTheDownwardApi() {
        assertThat(envVar(container, "ORGMIRROR_LEADER_ELECTION_LEASE_NAMESPACE"))
                .containsEntry("valueFrom", Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace")));
        assertThat(envVar(container, "ORGMIRROR_LEADER_ELECTION_ENABLED")).containsEntry("value", "true");
        Map<String, Object> overlayContainer = Manifest.in("overlays/namespaced/watch-own-namespace.yaml", "Deployment")
                .maps("spec.template.spec.containers").get(0);
        assertThat(envVar(overlayContainer, "ORGMIRROR_WATCH_NAMESPACES"))
                .containsEntry("valueFrom", Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace")));
    }

    @Test
    void camelKEnvironmentSetsExistingKeys() {
        List<String> names = YamlTree.strings(integration.body(), "spec.traits.environment.vars").stream()
                        .map(assignment -> assignment.substring(0, assignment.indexOf('=')))
                        .toList();

        assertThat(names).contains("ORGMIRROR_LEADER_ELECTION_ENABLED", "CAMEL_MAIN_ROUTESINCLUDEPATTERN");
        assertSetExistingKeys(names);
    }

    @Test
    void oneImageEverywhereTaggedWithTheProjectVersion() {
        String image = container.get("image").toString();

        assertThat(image).isEqualTo(IMAGE + ":" + ProjectVersion.release());
        assertThat(integration.text("spec.traits.container.image")).isEqualTo(image);
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
        assertThat(integration.map("spec.traits.container")).containsEntry("runAsNonRoot", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilitiesDrop", List.of("ALL"))
                .containsEntry("seccompProfileType", "RuntimeDefault");
    }

    @Test
    void routesConfigMapIsMountedWhereCamelReadsRoutes() {
        assertThat(volumeMountedAt(ROUTES_MOUNT)).containsEntry("configMap", Map.of("name", RoutesCopy.CONFIG_MAP));
        assertThat(envVar(container, "CAMEL_MAIN_ROUTESINCLUDEPATTERN"))
                .containsEntry("value", "file:" + ROUTES_MOUNT + "/*.yaml");
        assertThat(YamlTree.strings(integration.body(), "spec.traits.mount.resources"))
                .containsExactly("configmap:" + RoutesCopy.CONFIG_MAP + "@" + ROUTES_MOUNT);
        assertThat(YamlTree.strings(integration.body(), "spec.traits.environment.vars"))
                .contains("CAMEL_MAIN_ROUTESINCLUDEPATTERN=file:" + ROUTES_MOUNT + "/*.yaml");
        assertThat(integration.text("spec.serviceAccountName"))
                .isEqualTo(deployment.text("spec.template.spec.serviceAccountName"))
                .isEqualTo(Manifest.in("rbac/service-account.yaml", "ServiceAccount").name());
    }

    @Test
    void imageReadsRoutesFromTheMountAndListensOnTheManagementPort() {
        String dockerfile = ProjectTree.read("Dockerfile");

        assertThat(dockerfile).contains("CAMEL_MAIN_ROUTESINCLUDEPATTERN=file:" + ROUTES_MOUNT + "/*.yaml")
                .contains("EXPOSE " + configuration.effectiveValue("camel.management.port"))
                .contains("COPY --chown=${APP_UID}:0 routes/ " + ROUTES_MOUNT + "/")
                .containsPattern("(?m)^FROM maven:3\\.9-eclipse-temurin-17 AS build$")
                .containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
                .containsPattern("(?m)^USER \\$\\{APP_UID}$");
        Matcher uid = Pattern.compile("(?m)^ARG APP_UID=(\\d+)$").matcher(dockerfile);
        assertThat(uid.find()).as("numeric APP_UID").isTrue();
        assertThat(Integer.parseInt(uid.group(1))).isPositive();
        assertThat(ProjectTree.read("src/main/docker/entrypoint.sh"))
                .contains("exec java -XX:MaxRAMPercentage=75.0")
                .contains("$JAVA_OPTS")
                .contains("-jar /deployments/quay-orgmirror-controller.jar");
    }

    private void assertSetExistingKeys(List<String> environmentNames) {
        assertThat(environmentNames).allSatisfy(name -> {
            assertThat(ConfigurationKeys.ignoredByCamelMain(name)).as("%s is ignored by camel-main", name).isFalse();
            if (!NOT_CONFIGURATION.contains(name)) {
                assertThat(configuration.keyOf(name)).as("configuration key set by %s", name).isPresent();
            }
        });
    }

    private static Map<String, Object> envVar(Map<String, Object> container, String name) {
        return YamlTree.maps(container, "env").stream()
                .filter(env -> name.equals(env.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env var " + name));
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
