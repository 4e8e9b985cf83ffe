package io.github.quayorgmirror.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.quayorgmirror.leader.LeadershipFence;
import io.github.quayorgmirror.leader.LeadershipLostException;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.resource.OwnWrites;
import java.net.HttpURLConnection;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the status subresource, and only when it differs from what the resource already shows.
 * A write carries the resourceVersion it was based on; on a conflict the latest object is read and
 * the status composed again on top of it, so a concurrent change is never overwritten blindly.
 */
public class StatusWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);
    private static final int ATTEMPTS = 3;

    /** Built once: fabric8 builds a new operation (and its context) on each genericKubernetesResources call. */
    private final MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> mirrors;
    private final Clock clock;
    private final OwnWrites ownWrites;
    private final LeadershipFence fence;

    public StatusWriter(KubernetesClient client, Clock clock, OwnWrites ownWrites, LeadershipFence fence) {
        this.mirrors = MirrorResource.api(client);
        this.clock = clock;
        this.ownWrites = ownWrites;
        this.fence = fence;
    }

    /** @return the status now on the resource, or null when the resource is gone */
    public OrganizationMirrorStatus write(GenericKubernetesResource resource, ReconcileOutcome outcome)
            throws LeadershipLostException {
        GenericKubernetesResource current = resource;
        for (int attempt = 1; ; attempt++) {
            OrganizationMirrorStatus before = OrganizationMirrorStatus.of(current);
            OrganizationMirrorStatus after = StatusComposer.compose(before, MirrorResource.generation(current), outcome,
                    clock.instant());
            if (after.equals(before)) {
                return before;
            }
            try {
                GenericKubernetesResource update = MirrorResource.copyForUpdate(current);
                fence.check("status write");
                update.getAdditionalProperties().put("status", MirrorResource.toMap(after));
                ownWrites.wrote(mirrors.inNamespace(current.getMetadata().getNamespace())
                        .resource(update).updateStatus(), resource, current);
                LOG.debug("Status written resource={}", MirrorResource.key(current));
                return after;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
                current = mirrors.inNamespace(current.getMetadata().getNamespace())
                        .withName(current.getMetadata().getName()).get();
                if (current == null) {
                    return null;
                }
            }
        }
    }
}
