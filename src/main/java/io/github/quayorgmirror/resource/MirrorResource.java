package io.github.quayorgmirror.resource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.github.quayorgmirror.informer.ResourceCopy;
import io.github.quayorgmirror.model.OrganizationMirrorSpec;
import io.github.quayorgmirror.quay.mapping.FieldProblem;
import io.github.quayorgmirror.quay.mapping.SpecReader;
import java.util.List;
import java.util.Map;

/** Typed access to an OrganizationMirror held as a fabric8 {@link GenericKubernetesResource}. */
public final class MirrorResource {

    public static final String API_VERSION = "quay.herve4m.github.io/v1alpha1";
    public static final String KIND = "OrganizationMirror";
    /** The Ansible operator's finalizer: migrated resources keep working. */
    public static final String FINALIZER = "quay.herve4m.github.io/finalizer";
    public static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup("quay.herve4m.github.io").withVersion("v1alpha1").withKind(KIND)
            .withPlural("organizationmirrors").withNamespaced(true).build();

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MirrorResource() {
    }

    public static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> api(
            KubernetesClient client) {
        return client.genericKubernetesResources(CONTEXT);
    }

    /** The spec; a field of the wrong JSON type is left out (see {@link #specProblems}), so this never fails. */
    public static OrganizationMirrorSpec spec(GenericKubernetesResource resource) {
        return read(resource).spec();
    }

    /** The spec's fields that have the wrong JSON type (possible only without the CRD's schema). */
    public static List<FieldProblem> specProblems(GenericKubernetesResource resource) {
        return read(resource).problems();
    }

    private static SpecReader.Read read(GenericKubernetesResource resource) {
        return resource instanceof RedactedResource pass ? pass.reading(SpecReader.Read.class, MirrorResource::readSpec)
                : readSpec(resource);
    }

    private static SpecReader.Read readSpec(GenericKubernetesResource resource) {
        return SpecReader.read(resource.getAdditionalProperties().get("spec"));
    }

    public static long generation(GenericKubernetesResource resource) {
        Long generation = resource.getMetadata().getGeneration();
        return generation == null ? 0L : generation;
    }

    public static boolean deleting(GenericKubernetesResource resource) {
        return resource.getMetadata().getDeletionTimestamp() != null;
    }

    public static boolean hasFinalizer(GenericKubernetesResource resource) {
        List<String> finalizers = resource.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(FINALIZER);
    }

    public static String key(GenericKubernetesResource resource) {
        return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    }

    /** A deep copy, so that the informer's cached object is never changed in place. */
    public static GenericKubernetesResource copy(GenericKubernetesResource resource) {
        return ResourceCopy.of(resource);
    }

    /**
     * A copy to send back in an update: without {@code metadata.managedFields}. Server-side apply's bookkeeping can
     * outweigh the rest of the object, and an update that leaves it out keeps the stored one (the API server's field
     * manager takes the live object's when the request has none), so sending it only costs both sides.
     */
    public static GenericKubernetesResource copyForUpdate(GenericKubernetesResource resource) {
        GenericKubernetesResource copy = copy(resource);
        copy.getMetadata().setManagedFields(null);
        return copy;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object value) {
        return JSON.convertValue(value, Map.class);
    }

    /** A part of the resource (spec, status) as the given type; fields this controller does not know are ignored. */
    public static <T> T convert(Object value, Class<T> type) {
        return JSON.convertValue(value, type);
    }
}
