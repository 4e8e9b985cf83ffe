package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an informer event means for a controller, sent as header {@link InformerHeaders#CHANGE}
 * (the constant's name). Our own status writes come back as {@link #STATUS_ONLY} and our finalizer write
 * as {@link #FINALIZERS_ADDED}, which lets the watch route drop them instead of reconciling again.
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
    /**
     * Finalizers were added and nothing else changed outside status: the echo of a controller's own
     * finalizer write, which needs no reconcile (the pass that wrote it goes on, or is retried when it fails).
     * A removed finalizer stays {@link #METADATA_CHANGED}: a controller must add its own back.
     */
    FINALIZERS_ADDED,
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
        if (!Objects.equals(old.getLabels(), now.getLabels())
                || !Objects.equals(old.getAnnotations(), now.getAnnotations())) {
            return METADATA_CHANGED;
        }
        if (!Objects.equals(old.getFinalizers(), now.getFinalizers())) {
            return finalizersOnlyAdded(old.getFinalizers(), now.getFinalizers()) ? FINALIZERS_ADDED : METADATA_CHANGED;
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

    /** Every finalizer of before is still there, in its order, and at least one more came. */
    private static boolean finalizersOnlyAdded(List<String> before, List<String> after) {
        List<String> old = before == null ? List.of() : before;
        List<String> now = after == null ? List.of() : after;
        return now.size() > old.size() && now.containsAll(old);
    }
}
