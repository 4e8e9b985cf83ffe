package io.github.quayorgmirror.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.quayorgmirror.quay.mapping.LastApplied;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.QuayView;
import io.github.quayorgmirror.testing.MockKubernetes;
import io.github.quayorgmirror.testing.apiserver.CrdModel;
import io.github.quayorgmirror.testing.apiserver.FieldError;
import io.github.quayorgmirror.testing.apiserver.StructuralSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule of the CRD, as the API server admits a create or an update: the schema read from
 * k8s/crd/ at run time, its CEL rules evaluated with the CEL library. Removing a rule from the CRD
 * makes its test fail.
 */
class CrdAdmissionTest {

    private static final StructuralSchema SCHEMA = new StructuralSchema(CrdModel.read(MockKubernetes.CRD_FILE).schema());

    @Test
    void acceptsTheSampleAndDefaultsPreserveInQuayOnDeletion() {
        ObjectNode sample = sample();
        ((ObjectNode) sample.get("spec")).remove("preserveInQuayOnDeletion");

        assertThat(create(sample)).isEmpty();
        assertThat(sample.at("/spec/preserveInQuayOnDeletion").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "visibility           | secret     | spec.visibility: Unsupported value: \"secret\": supported values: \"public\", \"private\"",
        "externalRegistryType | docker     | spec.externalRegistryType: Unsupported value: \"docker\": supported values: \"quay\", \"harbor\"",
        "syncInterval         | 2 days     | spec.syncInterval: Invalid value: \"2 days\": spec.syncInterval in body should match",
        "skopeoTimeout        | 1d         | spec.skopeoTimeout: Invalid value: \"1d\": spec.skopeoTimeout in body should match",
        "syncStartDate        | 2026-04-27 | spec.syncStartDate: Invalid value: \"2026-04-27\": spec.syncStartDate in body should match",
        "organization         | ''         | spec.organization: Invalid value: \"\": spec.organization in body should be at least 1 chars long",
    })
    void refusesABadStringNamingTheField(String field, String value, String message) {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.get("spec")).put(field, value);

        assertThat(create(manifest)).singleElement().extracting(FieldError::message).asString().startsWith(message);
    }

    @Test
    void refusesAnOrganizationLongerThanQuaysLimit() {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.get("spec")).put("organization", "o".repeat(256));

        assertThat(create(manifest)).extracting(FieldError::message)
                .contains("spec.organization: Too long: may not be more than 255 bytes");
    }

    @Test
    void refusesAnEmptySecretName() {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.at("/spec/connSecretRef")).put("name", "");

        assertThat(create(manifest)).extracting(FieldError::field).containsExactly("spec.connSecretRef.name");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.get("spec")).put("isEnabled", "yes");

        assertThat(create(manifest)).extracting(FieldError::message)
                .containsExactly("spec.isEnabled: Invalid value: \"string\": spec.isEnabled in body must be of type boolean: \"string\"");
    }

    @Test
    void refusesMissingRequiredFields() {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.get("spec")).remove("organization");
        ((ObjectNode) manifest.at("/spec/connSecretRef")).remove("name");

        assertThat(create(manifest)).extracting(FieldError::message).containsExactlyInAnyOrder(
                "spec.organization: Required value", "spec.connSecretRef.name: Required value");
    }

    @Test
    void prunesAndNamesUnknownFields() {
        ObjectNode manifest = sample();
        ((ObjectNode) manifest.get("spec")).put("visibilty", "private");

        StructuralSchema.Verdict verdict = SCHEMA.admit(manifest, null);

        assertThat(verdict.unknownFields()).containsExactly("spec.visibilty");
        assertThat(manifest.at("/spec").has("visibilty")).isFalse();
    }

    @Test
    void refusesAMalformedStatus() {
        ObjectNode manifest = sample();
        manifest.set("status", CrdSchema.parseYaml("""
                conditions: [{type: Ready, status: "Yes"}, {status: "True"}]
                observedGeneration: -1
                """));

        assertThat(create(manifest)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "status.conditions[0].status", "status.conditions[1].type", "status.observedGeneration");
    }

    /** An undeclared status field is pruned by the API server: the controller would see a change and write again on every pass. */
    @Test
    void declaresEveryStatusFieldTheControllerWrites() {
        OrganizationMirrorStatus status = new OrganizationMirrorStatus(
                List.of(new Condition("Ready", "True", "Reconciled", "m", "2026-04-27T13:00:00Z", 1L),
                        new Condition("RegistryVerified", "False", "VerificationFailed", "m", "2026-04-27T13:00:00Z", 1L)),
                1L, true, "", new QuayView("SUCCESS", "2026-04-28T13:00:00Z", 3, true, Map.of("SUCCESS", 2)),
                new LastApplied(1L, "812", "2026-04-27T13:00:00Z", "913"), 1L, "1733400000", "1733400001");
        ObjectNode manifest = sample();
        manifest.set("status", new ObjectMapper().valueToTree(status));

        StructuralSchema.Verdict verdict = SCHEMA.admit(manifest, null);

        assertThat(verdict.unknownFields()).isEmpty();
        assertThat(verdict.errors()).isEmpty();
    }

    @Test
    void refusesChangingTheOrganization() {
        ObjectNode changed = sample();
        ((ObjectNode) changed.get("spec")).put("organization", "other");

        assertThat(update(changed, sample())).extracting(FieldError::message)
                .containsExactly("spec.organization: Invalid value: \"string\": organization is immutable");
    }

    @Test
    void refusesChangingASetExternalRegistryType() {
        ObjectNode changed = sample();
        ((ObjectNode) changed.get("spec")).put("externalRegistryType", "harbor");

        assertThat(update(changed, sample())).extracting(FieldError::message)
                .containsExactly("spec: Invalid value: \"object\": externalRegistryType cannot be changed once set");
    }

    @Test
    void allowsRemovingOrSettingTheExternalRegistryType() {
        ObjectNode withoutType = sample();
        ((ObjectNode) withoutType.get("spec")).remove("externalRegistryType");

        assertThat(update(withoutType.deepCopy(), sample())).isEmpty();
        assertThat(update(sample(), withoutType)).isEmpty();
    }

    @Test
    void transitionRulesDoNotApplyToACreate() {
        assertThat(create(sample())).isEmpty();
    }

    @Test
    void anUpdateLeavingAStoredInvalidValueAloneIsNotRefusedAgain() {
        ObjectNode stored = sample();
        ((ObjectNode) stored.get("spec")).put("syncInterval", "2 days");
        ObjectNode updated = stored.deepCopy();
        ((ObjectNode) updated.get("spec")).put("visibility", "private");

        assertThat(update(updated, stored)).isEmpty();
    }

    private static List<FieldError> create(ObjectNode manifest) {
        return SCHEMA.admit(manifest, null).errors();
    }

    private static List<FieldError> update(ObjectNode manifest, JsonNode stored) {
        return SCHEMA.admit(manifest, stored).errors();
    }

    private static ObjectNode sample() {
        return (ObjectNode) CrdSchema.readYaml(MockKubernetes.SAMPLE_FILE);
    }
}
