package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The controller's permissions are exactly the table below, and are bound to its ServiceAccount only. */
class RbacManifestsTest {
    private static final String SERVICE_ACCOUNT = "quay-orgmirror-controller";
    private static final String NAMESPACE = "quay-orgmirror";

    /** One line per (API group, resource, verb) the controller may use on OrganizationMirrors, Secrets, Namespaces and Events. */
    private static final Set<String> CONTROLLER_PERMISSIONS = Set.of(
            "quay.herve4m.github.io organizationmirrors get",
            "quay.herve4m.github.io organizationmirrors list",
            "quay.herve4m.github.io organizationmirrors watch",
            "quay.herve4m.github.io organizationmirrors update",
            "quay.herve4m.github.io organizationmirrors/status update",
            "quay.herve4m.github.io organizationmirrors/finalizers update",
            " secrets get",
            " secrets list",
            " secrets watch",
            " namespaces get",
            "events.k8s.io events create");

    private static final Set<String> LEADER_ELECTION_PERMISSIONS = Set.of(
            "coordination.k8s.io leases get",
            "coordination.k8s.io leases create",
            "coordination.k8s.io leases patch");

    @Test
    void clusterRoleGrantsExactlyTheControllerPermissions() {
        assertThat(permissions(Manifest.in("rbac/cluster-role.yaml", "ClusterRole")))
                .containsExactlyInAnyOrderElementsOf(CONTROLLER_PERMISSIONS);
    }

    @Test
    void namespacedRoleGrantsTheSamePermissionsInOneNamespace() {
        assertThat(permissions(Manifest.in("overlays/namespaced/role.yaml", "Role")))
                .containsExactlyInAnyOrderElementsOf(CONTROLLER_PERMISSIONS);
    }

    @Test
    void leaderElectionRoleGrantsOnlyLeases() {
        assertThat(permissions(Manifest.in("rbac/leader-election-role.yaml", "Role")))
                .containsExactlyInAnyOrderElementsOf(LEADER_ELECTION_PERMISSIONS);
    }

    @Test
    void noOtherRoleExists() {
        List<String> roles = Manifest.all().stream()
                .filter(manifest -> Set.of("Role", "ClusterRole").contains(manifest.kind()))
                .map(Manifest::toString)
                .toList();

        assertThat(roles).containsExactlyInAnyOrder(
                "ClusterRole quay-orgmirror-controller (rbac/cluster-role.yaml)",
                "Role quay-orgmirror-controller-leader-election (rbac/leader-election-role.yaml)",
                "Role quay-orgmirror-controller (overlays/namespaced/role.yaml)");
    }

    @Test
    void everyBindingGivesItsRoleToTheControllerServiceAccountOnly() {
        List<Manifest> bindings = Manifest.all().stream()
                .filter(manifest -> Set.of("RoleBinding", "ClusterRoleBinding").contains(manifest.kind()))
                .toList();

        assertThat(bindings).extracting(Manifest::toString).containsExactlyInAnyOrder(
                "ClusterRoleBinding quay-orgmirror-controller (rbac/cluster-role-binding.yaml)",
                "RoleBinding quay-orgmirror-controller-leader-election (rbac/leader-election-role-binding.yaml)",
                "RoleBinding quay-orgmirror-controller (overlays/namespaced/role-binding.yaml)");
        assertThat(bindings).allSatisfy(binding -> {
            assertThat(binding.maps("subjects")).as("subjects of %s", binding).containsExactly(
                    Map.of("kind", "ServiceAccount", "name", SERVICE_ACCOUNT, "namespace", NAMESPACE));
            String roleKind = binding.kind().replace("Binding", "");
            assertThat(binding.map("roleRef")).as("roleRef of %s", binding).isEqualTo(Map.of(
                    "apiGroup", "rbac.authorization.k8s.io", "kind", roleKind, "name", binding.name()));
        });
    }

    /** A rule flattened to "group resource verb" lines; a wildcard anywhere fails the test. */
    private static Set<String> permissions(Manifest role) {
        Set<String> lines = new TreeSet<>();
        for (Map<String, Object> rule : role.maps("rules")) {
            assertThat(rule).as("rule of %s", role).containsOnlyKeys("apiGroups", "resources", "verbs");
            for (String group : YamlTree.strings(rule, "apiGroups")) {
                for (String resource : YamlTree.strings(rule, "resources")) {
                    for (String verb : YamlTree.strings(rule, "verbs")) {
                        assertThat(List.of(group, resource, verb)).as("rule of %s", role).doesNotContain("*");
                        lines.add(group + " " + resource + " " + verb);
                    }
                }
            }
        }
        return lines;
    }
}
