package io.github.quayorgmirror.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Checks the CRD's OpenAPI schema against manifests with a JSON-Schema validator, and against herve4m's
 * CRD. The CEL rules ({@code x-kubernetes-validations}) and the API server's own wording are checked by
 * {@link CrdAdmissionTest}, through the tests' API server's admission.
 */
class CrdSchemaTest {

    private static final CrdSchema OURS = CrdSchema.load(MockKubernetes.CRD_FILE);
    private static final CrdSchema HERVE4M = CrdSchema.load(
            CrdSchemaTest.class.getResourceAsStream("/herve4m/organizationmirror-crd.yaml"));

    @Test
    void acceptsTheHerve4mSampleUnchanged() {
        JsonNode sample = CrdSchema.readYaml(Path.of("k8s/samples/organizationmirror-sample.yaml"));

        assertThat(HERVE4M.validate(sample)).isEmpty();
        assertThat(OURS.validate(sample)).isEmpty();
    }

    @Test
    void acceptsEveryFieldAndTheStatusBothOperatorsWrite() {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.get("spec")).setAll((ObjectNode) CrdSchema.parseYaml("""
                connSecretRef: {name: quay, namespace: other}
                externalRegistryUsername: puller
                externalRegistryPassword: s3cret
                forceSync: true
                httpProxy: http://proxy:3128
                httpsProxy: http://proxy:3128
                noProxy: .cluster.local
                skopeoTimeout: 10m
                verifyTls: false
                visibility: private
                """));
        manifest.set("status", CrdSchema.parseYaml("""
                observedGeneration: 3
                existInQuay: true
                message: ""
                conditions:
                  - {type: Ready, status: "True", reason: Synced, message: Mirror configured,
                     lastTransitionTime: "2026-04-27T13:00:00Z", observedGeneration: 3}
                  - {type: Failure, status: "False", reason: Failed, lastTransitionTime: "2026-04-27T13:00:00Z",
                     ansibleResult: {ok: 3, changed: 1, skipped: 0, failures: 0, completion: "2026-04-27T13:00:01.5"}}
                quay: {syncStatus: SYNCING, nextSyncDate: "2026-04-28T13:00:00Z", syncRetriesRemaining: 3,
                       repositoryStatusCounts: {SUCCESS: 2, FAIL: 1}}
                lastApplied: {generation: 3, connectionSecretVersion: "812", syncStartDate: "2026-04-27T13:00:00Z"}
                lastForcedSyncGeneration: 2
                """));

        assertThat(OURS.validate(manifest)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"86400", "60s", "8h", "2d", "1W", " 30 m "})
    void acceptsSyncIntervalsWithTheHerve4mUnits(String interval) {
        assertThat(OURS.validate(withSpec("syncInterval", interval))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 days", "1.5h", "10x", "-60", "", "P1D"})
    void rejectsMalformedSyncIntervals(String interval) {
        assertThat(OURS.validate(withSpec("syncInterval", interval))).singleElement().asString()
                .contains("syncInterval");
    }

    @ParameterizedTest
    @ValueSource(strings = {"300", "300s", "10m", "1H"})
    void acceptsSkopeoTimeoutsInSecondsMinutesOrHours(String timeout) {
        assertThat(OURS.validate(withSpec("skopeoTimeout", timeout))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1w", "5 minutes"})
    void rejectsSkopeoTimeoutsInOtherUnits(String timeout) {
        assertThat(OURS.validate(withSpec("skopeoTimeout", timeout))).singleElement().asString()
                .contains("skopeoTimeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-04-27T13:00:00Z", "2026-04-27T13:00:00.250Z", "2026-04-27T15:00:00+02:00"})
    void acceptsRfc3339SyncStartDates(String date) {
        assertThat(OURS.validate(withSpec("syncStartDate", date))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-04-27 13:00", "2026-04-27", "tomorrow", "2026-13-01T00:00:00Z", "2026-04-27T13:00:00"})
    void rejectsOtherSyncStartDates(String date) {
        assertThat(OURS.validate(withSpec("syncStartDate", date))).isNotEmpty()
                .allSatisfy(error -> assertThat(error).contains("syncStartDate"));
    }

    @Test
    void rejectsValuesOutsideTheEnums() {
        assertThat(OURS.validate(withSpec("externalRegistryType", "docker"))).singleElement().asString()
                .contains("externalRegistryType");
        assertThat(OURS.validate(withSpec("visibility", "internal"))).singleElement().asString()
                .contains("visibility");
    }

    @Test
    void rejectsAMissingOrganizationOrSecretName() {
        ObjectNode noOrganization = sample();
        ((ObjectNode) noOrganization.get("spec")).remove("organization");
        ObjectNode noSecretName = sample();
        ((ObjectNode) noSecretName.at("/spec/connSecretRef")).remove("name");

        assertThat(OURS.validate(noOrganization)).singleElement().asString().contains("organization");
        assertThat(OURS.validate(noSecretName)).singleElement().asString().contains("name");
    }

    @Test
    void rejectsMalformedStatus() {
        ObjectNode manifest = sample();
        manifest.set("status", CrdSchema.parseYaml("""
                conditions: [{type: Ready, status: "Yes"}, {status: "True"}]
                quay: {repositoryStatusCounts: {SUCCESS: many}}
                observedGeneration: -1
                """));

        assertThat(OURS.validate(manifest)).hasSize(4);
    }

    @Test
    void keepsEveryHerve4mSpecFieldWithItsTypeEnumAndDefault() {
        List<String> differences = new ArrayList<>();
        compareProperties("spec", HERVE4M.section("spec"), OURS.section("spec"), differences);

        assertThat(differences).isEmpty();
        assertThat(OURS.section("spec").get("required")).isEqualTo(HERVE4M.section("spec").get("required"));
        assertThat(OURS.crd().at("/spec/names/kind")).isEqualTo(HERVE4M.crd().at("/spec/names/kind"));
        assertThat(OURS.crd().at("/spec/names/plural")).isEqualTo(HERVE4M.crd().at("/spec/names/plural"));
        assertThat(OURS.crd().at("/spec/group")).isEqualTo(HERVE4M.crd().at("/spec/group"));
        assertThat(OURS.version().get("name")).isEqualTo(HERVE4M.version().get("name"));
        assertThat(OURS.version().at("/subresources/status").isObject()).isTrue();
    }

    @Test
    void declaresImmutabilityAsCelTransitionRules() {
        JsonNode spec = OURS.section("spec");

        assertThat(spec.at("/properties/organization/x-kubernetes-validations/0/rule").asText())
                .isEqualTo("self == oldSelf");
        assertThat(spec.at("/x-kubernetes-validations/0/rule").asText())
                .startsWith("!has(oldSelf.externalRegistryType) ||")
                .contains("self.externalRegistryType == oldSelf.externalRegistryType");
    }

    @Test
    void hasAStructuralStatusWithConditionsKeyedByType() {
        JsonNode status = OURS.section("status");
        JsonNode conditions = status.at("/properties/conditions");

        assertThat(status.has("x-kubernetes-preserve-unknown-fields")).isFalse();
        assertThat(conditions.get("x-kubernetes-list-type").asText()).isEqualTo("map");
        assertThat(conditions.get("x-kubernetes-list-map-keys")).containsExactly(CrdSchema.parseYaml("type"));
        assertThat(conditions.at("/items/required").toString()).contains("\"type\"");
        assertThat(conditions.at("/items/properties").fieldNames()).toIterable().contains(
                "type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
        assertThat(status.get("properties").fieldNames()).toIterable().contains("observedGeneration",
                "existInQuay", "message", "quay", "lastApplied", "lastForcedSyncGeneration");
    }

    @Test
    void showsReadyAndReasonColumnsAndAShortName() {
        List<String> columns = new ArrayList<>();
        OURS.version().get("additionalPrinterColumns").forEach(column -> columns.add(
                column.get("name").asText() + "=" + column.get("jsonPath").asText()));

        assertThat(columns).contains("Organization=.spec.organization",
                "Ready=.status.conditions[?(@.type==\"Ready\")].status",
                "Reason=.status.conditions[?(@.type==\"Ready\")].reason",
                "Age=.metadata.creationTimestamp");
        assertThat(OURS.crd().at("/spec/names/shortNames").toString()).contains("orgmirror");
        assertThat(OURS.crd().at("/spec/names/categories").toString()).contains("quay");
    }

    private static void compareProperties(String path, JsonNode theirs, JsonNode ours, List<String> differences) {
        theirs.path("properties").properties().forEach(field -> {
            String fieldPath = path + "." + field.getKey();
            JsonNode their = field.getValue();
            JsonNode our = ours.path("properties").path(field.getKey());
            for (String key : List.of("type", "enum", "default")) {
                if (!their.path(key).equals(our.path(key))) {
                    differences.add(fieldPath + " " + key + ": " + their.path(key) + " vs " + our.path(key));
                }
            }
            if (!their.at("/items/type").equals(our.at("/items/type"))) {
                differences.add(fieldPath + " items differ");
            }
            compareProperties(fieldPath, their, our, differences);
        });
    }

    private static ObjectNode sample() {
        return (ObjectNode) CrdSchema.readYaml(Path.of("k8s/samples/organizationmirror-sample.yaml"));
    }

    private static ObjectNode withSpec(String field, String value) {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.get("spec")).put(field, value);
        return manifest;
    }
}
