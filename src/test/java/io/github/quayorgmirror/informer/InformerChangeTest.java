package io.github.quayorgmirror.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class InformerChangeTest {

    @Test
    void sameResourceVersionIsAResync() {
        GenericKubernetesResource mirror = mirror();

        assertThat(InformerChange.ofUpdate(mirror, mirror())).isEqualTo(InformerChange.RESYNC);
    }

    @Test
    void movedGenerationIsASpecChangeEvenWithMetadataChanges() {
        GenericKubernetesResource after = changed(mirror -> {
            mirror.getMetadata().setGeneration(2L);
            mirror.getMetadata().setLabels(Map.of("team", "y"));
        });

        assertThat(InformerChange.ofUpdate(mirror(), after)).isEqualTo(InformerChange.SPEC_CHANGED);
    }

    @Test
    void deletionFinalizersLabelsAndAnnotationsAreMetadataChanges() {
        List<Consumer<GenericKubernetesResource>> edits = List.of(
                mirror -> mirror.getMetadata().setDeletionTimestamp("2026-04-27T13:00:00Z"),
                mirror -> mirror.getMetadata().setFinalizers(List.of()),
                mirror -> mirror.getMetadata().setLabels(Map.of("team", "y")),
                mirror -> mirror.getMetadata().setAnnotations(Map.of("note", "x")));

        assertThat(edits).allSatisfy(edit ->
                assertThat(InformerChange.ofUpdate(mirror(), changed(edit))).isEqualTo(InformerChange.METADATA_CHANGED));
    }

    @Test
    void startOfDeletionIsAMetadataChangeEvenWhenTheGenerationMoves() {
        GenericKubernetesResource after = changed(mirror -> {
            mirror.getMetadata().setDeletionTimestamp("2026-04-27T13:00:00Z");
            mirror.getMetadata().setGeneration(2L);
        });

        assertThat(InformerChange.ofUpdate(mirror(), after)).isEqualTo(InformerChange.METADATA_CHANGED);
    }

    @Test
    void aStatusWriteIsStatusOnly() {
        GenericKubernetesResource after = changed(mirror -> {
            mirror.setAdditionalProperty("status", Map.of("observedGeneration", 1));
            mirror.getMetadata().setManagedFields(List.of());
        });

        assertThat(InformerChange.ofUpdate(mirror(), after)).isEqualTo(InformerChange.STATUS_ONLY);
    }

    @Test
    void changedDataOfAKindWithoutGenerationIsASpecChange() {
        GenericKubernetesResource before = secret("aG9zdA==");
        GenericKubernetesResource after = secret("b3RoZXI=");
        after.getMetadata().setResourceVersion("8");

        assertThat(InformerChange.ofUpdate(before, after)).isEqualTo(InformerChange.SPEC_CHANGED);
    }

    @Test
    void finalizersOnlyAddedAreTheirOwnChangeEvenWithAStatusWrite() {
        GenericKubernetesResource after = changed(mirror -> mirror.setAdditionalProperty("status", Map.of("message", "m")));

        assertThat(InformerChange.ofUpdate(withoutFinalizers(), after)).isEqualTo(InformerChange.FINALIZERS_ADDED);
        assertThat(InformerChange.ofUpdate(mirror(), changed(mirror -> mirror.getMetadata().setFinalizers(
                List.of("quay.herve4m.github.io/finalizer", "other.example.com/hold")))))
                .isEqualTo(InformerChange.FINALIZERS_ADDED);
    }

    @Test
    void finalizersAddedWithAnyOtherChangeAreNotOnlyThat() {
        List<Consumer<GenericKubernetesResource>> edits = List.of(
                mirror -> mirror.getMetadata().setDeletionTimestamp("2026-04-27T13:00:00Z"),
                mirror -> mirror.getMetadata().setLabels(Map.of("team", "y")),
                mirror -> mirror.getMetadata().setAnnotations(Map.of("note", "x")));

        assertThat(edits).allSatisfy(edit -> assertThat(InformerChange.ofUpdate(withoutFinalizers(), changed(edit)))
                .isEqualTo(InformerChange.METADATA_CHANGED));
        assertThat(InformerChange.ofUpdate(withoutFinalizers(), changed(mirror -> mirror.getMetadata().setGeneration(2L))))
                .isEqualTo(InformerChange.SPEC_CHANGED);
        // ours removed, another added: ours must be put back
        assertThat(InformerChange.ofUpdate(mirror(), changed(mirror -> mirror.getMetadata().setFinalizers(
                List.of("other.example.com/hold"))))).isEqualTo(InformerChange.METADATA_CHANGED);
    }

    private static GenericKubernetesResource withoutFinalizers() {
        GenericKubernetesResource mirror = mirror();
        mirror.getMetadata().setFinalizers(null);
        return mirror;
    }

    private static GenericKubernetesResource changed(Consumer<GenericKubernetesResource> edit) {
        GenericKubernetesResource after = mirror();
        after.getMetadata().setResourceVersion("8");
        edit.accept(after);
        return after;
    }

    private static GenericKubernetesResource mirror() {
        GenericKubernetesResource mirror = new GenericKubernetesResource();
        mirror.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("m").withResourceVersion("7")
                .withGeneration(1L).withLabels(Map.of("team", "x"))
                .withFinalizers(List.of("quay.herve4m.github.io/finalizer")).build());
        mirror.setAdditionalProperty("spec", Map.of("organization", "org"));
        return mirror;
    }

    private static GenericKubernetesResource secret(String host) {
        GenericKubernetesResource secret = new GenericKubernetesResource();
        secret.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("s").withResourceVersion("7").build());
        secret.setAdditionalProperty("data", Map.of("host", host));
        return secret;
    }
}
