package io.github.quayorgmirror.e2e;

import static io.github.quayorgmirror.testing.ControllerHarness.NAMESPACE;
import static io.github.quayorgmirror.testing.ControllerHarness.ORGANIZATION;
import static io.github.quayorgmirror.testing.ControllerHarness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.github.quayorgmirror.fakequay.FaultSpec;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.secret.KubectlApplied;
import io.github.quayorgmirror.secret.SecretSnapshot;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.testing.CapturedLog;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a tenant who may create OrganizationMirrors in its own namespace can, and cannot, get the controller to do. */
class TenantSafetyIT {

    private static final String SAMPLE = "organizationmirror-sample";

    private ControllerHarness harness;
    private CapturedLog log;

    @BeforeEach
    void start() {
        harness = ControllerHarness.start();
    }

    @AfterEach
    void stop() {
        harness.close();
        if (log != null) {
            log.close();
        }
    }

    @Test
    void anotherNamespacesSecretIsRefusedWithoutAQuayCallUntilItsOwnerAllowsIt() {
        harness.kube().createSecret("platform", "quay-admin", Map.of("host", harness.quay().baseUri().toString(),
                "token", harness.token()));
        // no timed retry of the stalled resource: only the Secret's own change can make it Ready
        harness.startController(Map.of("orgmirror.reconcile.stalled-retry", "10m"));

        harness.create(FailuresAndRecoveryIT.sampleWith("organization", ORGANIZATION).replace(
                "name: " + SECRET, "name: quay-admin\n    namespace: platform"));

        Condition stalled = harness.awaitCondition("sample", Condition.STALLED, "True", "CrossNamespaceSecretRefused");
        assertThat(stalled.message()).contains("\"platform\"", "\"" + NAMESPACE + "\"",
                SecretSnapshot.ALLOWED_NAMESPACES, "orgmirror.reconcile.allow-cross-namespace-secrets")
                .doesNotContain(harness.quay().baseUri().toString());
        assertThat(harness.quay().calls()).isEmpty();
        await().until(() -> harness.events("Warning", "sample").stream()
                .anyMatch(event -> event.startsWith("CrossNamespaceSecretRefused:")));

        // the Secret's owner opts in: acted on at once
        harness.kube().client().secrets().inNamespace("platform").withName("quay-admin").edit(secret -> {
            secret.getMetadata().setAnnotations(Map.of(SecretSnapshot.ALLOWED_NAMESPACES, "team-x," + NAMESPACE));
            return secret;
        });
        harness.awaitReady("sample");
        assertThat(harness.quay().mirrorConfig(ORGANIZATION)).isPresent();
    }

    @Test
    void theGlobalSwitchStillAllowsAnotherNamespacesSecret() {
        harness.kube().createSecret("platform", "quay-admin", Map.of("host", harness.quay().baseUri().toString(),
                "token", harness.token()));
        harness.startController(Map.of("orgmirror.reconcile.allow-cross-namespace-secrets", "true"));

        harness.create(FailuresAndRecoveryIT.sampleWith("organization", ORGANIZATION).replace(
                "name: " + SECRET, "name: quay-admin\n    namespace: platform"));

        harness.awaitReady("sample");
    }

    @Test
    void valuesInALastAppliedAnnotationReachNoExchangeLogStatusOrEvent() {
        String marker = "value-only-in-unrelated-key-and-annotation";
        CapturedLog captured = captureLog();
        Main controller = harness.startController();
        List<String> exchanges = recordExchanges(controller);
        writeAppliedSecret(Map.of("host", harness.quay().baseUri().toString(), "token", harness.token(),
                "note", marker));
        harness.applySample();
        harness.awaitReady(SAMPLE);
        // and through a failure, whose message goes to the status, an Event and the on-failure route
        writeAppliedSecret(Map.of("host", harness.quay().baseUri().toString(), "token", harness.token(),
                "note", marker, "timeout", "soon"));
        harness.awaitCondition(SAMPLE, Condition.STALLED, "True", "InvalidSecret");
        await().until(() -> harness.events("Warning", SAMPLE).stream().anyMatch(e -> e.startsWith("InvalidSecret:")));

        assertThat(exchanges).isNotEmpty().noneMatch(text -> text.contains(marker) || text.contains("last-applied"));
        assertThat(captured.text()).isNotEmpty().doesNotContain(marker, harness.token());
        assertThat(MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName(SAMPLE).get()
                .getAdditionalProperties().get("status").toString()).doesNotContain(marker, harness.token());
        assertThat(harness.events("Warning", null).toString() + harness.events("Normal", null))
                .doesNotContain(marker, harness.token());
    }

    @Test
    void theInlineRegistryPasswordShowsInNoExchangeProperty() {
        harness.quay().allowHost("harbor.example.com");
        harness.createConnectionSecret(true);
        List<String> exchanges = recordExchanges(harness.startController());

        harness.create(MirrorLifecycleIT.FULL);
        harness.awaitReady("full");

        assertThat(harness.quay().storedPassword(ORGANIZATION)).contains("pull-password-value");
        assertThat(exchanges).filteredOn(text -> text.startsWith("properties: ")).isNotEmpty()
                .noneMatch(text -> text.contains("pull-password-value"));
    }

    @Test
    void theExtensionRoutesGetNoCredentialsOnSuccessNorOnFailure() {
        harness.quay().allowHost("harbor.example.com");
        harness.createConnectionSecret(true);
        Main controller = harness.startController();
        List<String> extensionProperties = new CopyOnWriteArrayList<>();
        EventNotifierSupport recorder = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                CamelEvent.ExchangeSendingEvent sending = (CamelEvent.ExchangeSendingEvent) event;
                if (sending.getEndpoint().getEndpointUri().contains("orgmirror-after-reconcile")
                        || sending.getEndpoint().getEndpointUri().contains("orgmirror-on-failure")) {
                    extensionProperties.add(sending.getEndpoint().getEndpointUri() + " "
                            + sending.getExchange().getProperties().keySet());
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeSendingEvent;
            }
        };
        recorder.start();
        controller.getCamelContext().getManagementStrategy().addEventNotifier(recorder);

        harness.create(MirrorLifecycleIT.FULL);
        harness.awaitReady("full");
        harness.quay().failNext(FaultSpec.forPath("/api/v1/organization/" + ORGANIZATION + "/mirror").times(1).status(400));
        harness.editSpec("full", "syncInterval", "3h");
        await().until(() -> extensionProperties.stream().anyMatch(text -> text.contains("orgmirror-on-failure")));

        assertThat(extensionProperties).anyMatch(text -> text.contains("orgmirror-after-reconcile"))
                .allMatch(text -> text.contains("resourceKey"))
                .noneMatch(text -> text.contains("quayConnection") || text.contains("desiredMirrorConfig"));
    }

    @Test
    void fiveHundredBlankFiltersStillGiveAWrittenCappedStatus() {
        harness.createConnectionSecret(true);
        harness.startController();
        harness.applySample();
        harness.awaitReady(SAMPLE);

        harness.editSpec(SAMPLE, "repositoryFilters", java.util.Collections.nCopies(500, " "));

        Condition stalled = harness.awaitCondition(SAMPLE, Condition.STALLED, "True", "InvalidSpec");
        assertThat(stalled.message()).hasSize(Condition.MESSAGE_LIMIT).endsWith("…").contains("repositoryFilters");
        assertThat(harness.status(SAMPLE).message()).hasSizeLessThanOrEqualTo(Condition.MESSAGE_LIMIT).endsWith("…");
    }

    @Test
    void aRotatedPasswordsSessionIsSignedOutAndForgottenAndSoIsTheLastOneOnDeletion() {
        harness.createConnectionSecret(false);
        harness.startController();
        harness.applySample();
        harness.awaitReady(SAMPLE);
        assertThat(harness.quay().calls("POST", "/api/v1/signin")).hasSize(1);

        harness.quay().addUser(ControllerHarness.USER, "n3w-Passw0rd-after-rotation");
        harness.kube().createSecret(NAMESPACE, SECRET, Map.of("host", harness.quay().baseUri().toString(),
                "username", ControllerHarness.USER, "password", "n3w-Passw0rd-after-rotation"));

        await().atMost(Duration.ofSeconds(15)).until(() -> harness.quay().calls("POST", "/api/v1/signout").size() == 1);
        int signInsBefore = harness.quay().calls("POST", "/api/v1/signin").size();
        harness.quay().clearCalls();
        harness.editSpec(SAMPLE, "syncInterval", "3d");
        await().atMost(Duration.ofSeconds(15)).until(() -> Long.valueOf(259200).equals(
                harness.quay().mirrorConfig(ORGANIZATION).orElseThrow().get("sync_interval")));
        assertThat(harness.quay().calls()).as("the signed-out session is forgotten, never tried again")
                .noneMatch(call -> call.status() == 401 || call.status() == 403);
        assertThat(signInsBefore + harness.quay().calls("POST", "/api/v1/signin").size())
                .as("signed in again with the new password").isEqualTo(2);
        assertThat(harness.quay().calls("POST", "/api/v1/signin")).allMatch(call -> call.status() == 200);

        MirrorResource.api(harness.kube().client()).inNamespace(NAMESPACE).withName(SAMPLE).delete();
        await().atMost(Duration.ofSeconds(15)).until(() -> harness.quay().calls("POST", "/api/v1/signout").size() == 1);
    }

    @Test
    void anHttpHostWorksWithOneWarningEventAndAStatusThatSaysSo() {
        harness.createConnectionSecret(true);
        assertThat(harness.quay().baseUri().getScheme()).isEqualTo("http");
        harness.startController();
        harness.applySample();
        harness.awaitReady(SAMPLE);

        harness.editSpec(SAMPLE, "syncInterval", "3d");
        harness.awaitReady(SAMPLE);

        assertThat(harness.condition(SAMPLE, Condition.READY).message()).contains("http://", "token", "cleartext");
        assertThat(harness.events("Warning", SAMPLE)).filteredOn(event -> event.startsWith("CleartextConnection:"))
                .hasSize(1).allMatch(event -> event.contains(NAMESPACE + "/" + SECRET));
    }

    @Test
    void unrelatedSecretsAreNeverAskedForAndPassesReadTheConnectionFromMemory() {
        for (int i = 0; i < 20; i++) {
            harness.kube().createSecret(NAMESPACE, "unrelated-" + i, Map.of("blob", "x".repeat(10_000)));
        }
        harness.createConnectionSecret(true);
        harness.startController();
        harness.applySample();
        harness.awaitReady(SAMPLE);
        for (String interval : List.of("2d", "3d", "4d")) {
            harness.editSpec(SAMPLE, "syncInterval", interval);
            harness.awaitReady(SAMPLE);
        }

        List<String> secretRequests = harness.kube().requestsFrom(ControllerHarness.CONTROLLER_USER_AGENT).stream()
                .filter(request -> request.contains("/secrets")).toList();
        assertThat(secretRequests).as("only the connection Secret, by name").isNotEmpty().allMatch(request ->
                request.startsWith("GET /api/v1/namespaces/" + NAMESPACE + "/secrets/" + SECRET)
                        || request.contains("fieldSelector=metadata.name%3D" + SECRET));
        assertThat(secretRequests).as("one GET for the first pass, none for the next ones")
                .filteredOn(request -> request.startsWith("GET /api/v1/namespaces/" + NAMESPACE + "/secrets/")).hasSize(1);
    }

    private void writeAppliedSecret(Map<String, String> values) {
        harness.kube().client().secrets().inNamespace(NAMESPACE).resource(KubectlApplied.secret(NAMESPACE, SECRET, values))
                .createOr(NonDeletingOperation::update);
    }

    /** Body, headers and properties of every exchange at every endpoint it is sent to, as text. */
    private static List<String> recordExchanges(Main controller) {
        List<String> seen = new CopyOnWriteArrayList<>();
        EventNotifierSupport recorder = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
                seen.add("message: " + exchange.getMessage().getBody() + " " + exchange.getMessage().getHeaders());
                seen.add("properties: " + exchange.getProperties());
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeSendingEvent || event instanceof CamelEvent.ExchangeSentEvent
                        || event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
            }
        };
        recorder.start();
        controller.getCamelContext().getManagementStrategy().addEventNotifier(recorder);
        return seen;
    }

    private CapturedLog captureLog() {
        log = CapturedLog.start();
        return log;
    }
}
