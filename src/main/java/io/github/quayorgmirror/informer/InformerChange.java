package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an informer event means for a controller, sent as header {@link InformerHeaders#CHANGE}
 * (the constant's name). Our own status writes come back as {@link #STATUS_ONLY}, which lets the
 * watch route drop them instead of reconciling in a loop.
 */
public enum InformerChange {
    ADDED,
    /**
     * {@code metadata.generation} moved; for kinds without a generation (Secret), any change outside
     * metadata and status.
     */
    SPEC_CHANGED,
    /**
     * deletionTimestamp, finalizers, labels or annotations changed. A new deletionTimestamp wins over
     * a moved generation: a real API server raises the generation when it starts a deletion.
     */
    METADATA_CHANGED,
    /** Anything else, e.g. a status write. */
    STATUS_ONLY,
    /** The informer's periodic resync: the same resourceVersion delivered again. */
    RESYNC,
    DELETED;

    public static InformerChange ofUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
        ObjectMeta old = before.getMetadata();
        ObjectMeta now = after.getMetadata();
        if (Objects.equals(old.getResourceVersion(), now.getResourceVersion())) {
            return RESYNC;
        }
        if (!Objects.equals(old.getDeletionTimestamp(), now.getDeletionTimestamp())) {
            return METADATA_CHANGED;
        }
        if (contentChanged(before, after)) {
            return SPEC_CHANGED;
        }
        if (metadataChanged(old, now)) {
            return METADATA_CHANGED;
        }
        return STATUS_ONLY;
    }

    private static boolean contentChanged(GenericKubernetesResource before, GenericKubernetesResource after) {
        Long oldGeneration = before.getMetadata().getGeneration();
        Long newGeneration = after.getMetadata().getGeneration();
        if (oldGeneration != null || newGeneration != null) {
            return !Objects.equals(oldGeneration, newGeneration);
        }
        return !contentWithoutStatus(before).equals(contentWithoutStatus(after));
    }

    private static Map<String, Object> contentWithoutStatus(GenericKubernetesResource resource) {
        Map<String, Object> content = new HashMap<>(resource.getAdditionalProperties());
        content.remove("status");
        return content;
    }

    private static boolean metadataChanged(ObjectMeta old, ObjectMeta now) {
        return !Objects.equals(old.getFinalizers(), now.getFinalizers())
                || !Objects.equals(old.getLabels(), now.getLabels())
                || !Objects.equals(old.getAnnotations(), now.getAnnotations());
    }
}
