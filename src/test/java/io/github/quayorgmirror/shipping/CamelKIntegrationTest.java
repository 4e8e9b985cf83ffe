package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Camel K Integration runs the Deployment's image the same way: probes, routes, account, settings. */
class CamelKIntegrationTest {
    private static final String IMAGE = "quay.io/quay-orgmirror/quay-orgmirror-controller";

    private final ConfigurationKeys configuration = ConfigurationKeys.load();
    private final Manifest integration = Manifest.in("camel-k/integration.yaml", "Integration");
    private final Manifest deployment = Manifest.in("deploy/deployment.yaml", "Deployment");
    private final Map<String, Object> container = deployment.maps("spec.template.spec.containers").get(0);

    @Test
    void oneImageEverywhereTaggedWithTheProjectVersion() {
        String image = container.get("image").toString();

        assertThat(image).isEqualTo(IMAGE + ":" + ProjectVersion.release());
        assertThat(integration.text("spec.traits.container.image")).isEqualTo(image);
    }

    @Test
    void healthTraitProbesTheManagementServer() {
        String healthPath = configuration.effectiveValue("camel.management.healthPath");

        assertThat(integration.map("spec.traits.health")).containsEntry("enabled", true)
                .containsEntry("livenessProbeEnabled", true)
                .containsEntry("livenessProbe", healthPath + "/live")
                .containsEntry("readinessProbeEnabled", true)
                .containsEntry("readinessProbe", healthPath + "/ready")
                .containsEntry("startupProbe", healthPath + "/live");
        assertThat(integration.text("spec.traits.container.port"))
                .isEqualTo(configuration.effectiveValue("camel.management.port"));
    }

    @Test
    void routesAndServiceAccountAreTheDeploymentsOnes() {
        assertThat(YamlTree.strings(integration.body(), "spec.traits.mount.resources"))
                .as("the image's routes, from the same build as its jar").noneMatch(mount -> mount.contains(ManifestsTest.ROUTES_MOUNT));
        assertThat(YamlTree.strings(integration.body(), "spec.traits.environment.vars"))
                .contains("CAMEL_MAIN_ROUTESINCLUDEPATTERN=" + ContainerEnvironment
                        .variable(container, "CAMEL_MAIN_ROUTESINCLUDEPATTERN").get("value"));
        assertThat(integration.text("spec.serviceAccountName"))
                .isEqualTo(deployment.text("spec.template.spec.serviceAccountName"));
        assertThat(integration.text("spec.replicas")).isEqualTo(deployment.text("spec.replicas"));
    }

    @Test
    void environmentTraitSetsExistingKeys() {
        List<String> names = YamlTree.strings(integration.body(), "spec.traits.environment.vars").stream()
                .map(assignment -> assignment.substring(0, assignment.indexOf('=')))
                .toList();

        assertThat(names).contains("ORGMIRROR_LEADER_ELECTION_ENABLED", "CAMEL_MAIN_ROUTESINCLUDEPATTERN");
        ContainerEnvironment.assertSetExistingKeys(configuration, names);
    }

    @Test
    void selfManagedWithoutTheJvmOrMasterTraits() {
        Map<String, Object> traits = integration.map("spec.traits");

        assertThat(traits).doesNotContainKey("master").containsEntry("jvm", Map.of("enabled", false));
        assertThat(integration.map("spec")).doesNotContainKeys("sources", "dependencies");
        assertThat(integration.map("spec.traits.container")).containsEntry("runAsNonRoot", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilitiesDrop", List.of("ALL"))
                .containsEntry("seccompProfileType", "RuntimeDefault");
    }
}
