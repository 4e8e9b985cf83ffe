package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs every path of the controller (leader election, create, a status conflict, delete) against the mock
 * API server, records the requests the controller's own client sent, and compares them with k8s/rbac/:
 * every call must be granted, and every grant must be used (or be in the documented allowance list).
 */
class RbacCoversApiCallsIT {

    /** Granted but never seen against the mock server, and why. Keep docs/operations.md in step. */
    static final Map<String, String> ALLOWANCES = Map.of(
            "quay.herve4m.github.io/organizationmirrors/finalizers:update",
            "OpenShift's admission plugin checks it when a controller changes finalizers",
            "/namespaces:get",
            "read only when a deleted mirror's connection Secret is gone too (DeletionCompletesIT)");

    @Test
    void everyApiCallIsGrantedAndEveryGrantIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        try (ControllerHarness harness = ControllerHarness.startWithTokenSecret()) {
            var controller = harness.startController(Map.of("orgmirror.leader-election.enabled", "true",
                    "orgmirror.leader-election.lease-namespace", NAMESPACE));
            // one conflict on the status: the status writer then reads the latest object (get)
            harness.kube().refuseNext(MockKubernetes.mirrorsPath(NAMESPACE) + "/organizationmirror-sample/status",
                    409, 1);
            harness.applySample();
            harness.awaitReady("organizationmirror-sample");
            MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName("organizationmirror-sample")
                    .delete();
            await().atMost(Duration.ofSeconds(30)).until(() -> harness.mirror("organizationmirror-sample") == null);
            harness.stopController(controller);

            for (String request : harness.kube().requestsFrom(ControllerHarness.CONTROLLER_USER_AGENT)) {
                used.add(permissionFor(request));
            }
        }
        Set<String> granted = grantedPermissions();

        assertThat(granted).as("RBAC grants every call the controller made").containsAll(used);
        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        assertThat(unused).as("RBAC grants nothing the controller does not use").isSubsetOf(ALLOWANCES.keySet());
    }

    /** {@code GET /apis/g/v/namespaces/ns/res/name/sub?watch=true} → {@code g/res/sub:verb}. */
    static String permissionFor(String request) {
        String method = request.substring(0, request.indexOf(' '));
        String target = request.substring(request.indexOf(' ') + 1);
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        List<String> parts = List.of(target.split("\\?")[0].substring(1).split("/"));
        int at = parts.get(0).equals("api") ? 2 : 3;
        String group = parts.get(0).equals("api") ? "" : parts.get(1);
        if (parts.size() > at && parts.get(at).equals("namespaces") && parts.size() > at + 2) {
            at += 2;
        }
        String resource = parts.get(at);
        boolean named = parts.size() > at + 1;
        String sub = parts.size() > at + 2 ? "/" + parts.get(at + 2) : "";
        String verb = switch (method) {
            case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return group + "/" + resource + sub + ":" + verb;
    }

    @SuppressWarnings("unchecked")
    static Set<String> grantedPermissions() throws IOException {
        Set<String> granted = new TreeSet<>();
        for (Path file : List.of(Path.of("k8s/rbac/cluster-role.yaml"), Path.of("k8s/rbac/leader-election-role.yaml"))) {
            Map<String, Object> role = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file));
            for (Map<String, Object> rule : (List<Map<String, Object>>) role.get("rules")) {
                for (String group : (List<String>) rule.get("apiGroups")) {
                    for (String resource : (List<String>) rule.get("resources")) {
                        for (String verb : (List<String>) rule.get("verbs")) {
                            granted.add(group + "/" + resource + ":" + verb);
                        }
                    }
                }
            }
        }
        return granted;
    }
}
