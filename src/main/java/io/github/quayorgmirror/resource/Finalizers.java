package io.github.quayorgmirror.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.github.quayorgmirror.leader.LeadershipFence;
import io.github.quayorgmirror.leader.LeadershipLostException;
import io.github.quayorgmirror.resource.MirrorResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds and removes our finalizer with a full update that carries the resourceVersion: a concurrent
 * change gives a 409 and the reconcile runs again, instead of a merge patch that rewrites the list.
 */
public class Finalizers {

    /** Built once: fabric8 builds a new operation (and its context) on each genericKubernetesResources call. */
    private final MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> mirrors;
    private final OwnWrites ownWrites;
    private final LeadershipFence fence;

    public Finalizers(KubernetesClient client, OwnWrites ownWrites, LeadershipFence fence) {
        this.mirrors = MirrorResource.api(client);
        this.ownWrites = ownWrites;
        this.fence = fence;
    }

    /** @return the updated resource (or the same one when the finalizer was already there) */
    public GenericKubernetesResource ensure(GenericKubernetesResource resource) throws LeadershipLostException {
        if (MirrorResource.hasFinalizer(resource)) {
            return resource;
        }
        GenericKubernetesResource update = MirrorResource.copyForUpdate(resource);
        List<String> finalizers = new ArrayList<>(listOf(update));
        finalizers.add(MirrorResource.FINALIZER);
        update.getMetadata().setFinalizers(finalizers);
        return apply(resource, update);
    }

    /** Removes our finalizer; the API server deletes the resource once no finalizer is left. */
    public void remove(GenericKubernetesResource resource) throws LeadershipLostException {
        if (!MirrorResource.hasFinalizer(resource)) {
            return;
        }
        GenericKubernetesResource update = MirrorResource.copyForUpdate(resource);
        List<String> finalizers = new ArrayList<>(listOf(update));
        finalizers.removeIf(MirrorResource.FINALIZER::equals);
        update.getMetadata().setFinalizers(finalizers);
        apply(resource, update);
    }

    private GenericKubernetesResource apply(GenericKubernetesResource resource, GenericKubernetesResource update)
            throws LeadershipLostException {
        fence.check("finalizer write");
        GenericKubernetesResource updated = mirrors.inNamespace(update.getMetadata().getNamespace())
                .resource(update).update();
        ownWrites.wrote(updated, resource);
        return updated;
    }

    private static List<String> listOf(GenericKubernetesResource resource) {
        List<String> finalizers = resource.getMetadata().getFinalizers();
        return finalizers == null ? List.of() : finalizers;
    }
}
