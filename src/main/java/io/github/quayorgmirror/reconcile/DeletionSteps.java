package io.github.quayorgmirror.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.quayorgmirror.failure.ConditionReason;
import io.github.quayorgmirror.failure.ReconcileFailure;
import io.github.quayorgmirror.leader.LeadershipLostException;
import io.github.quayorgmirror.quay.QuayCall;
import io.github.quayorgmirror.quay.QuayCalls;
import io.github.quayorgmirror.quay.QuayConnection;
import io.github.quayorgmirror.quay.QuayNotFoundException;
import io.github.quayorgmirror.resource.Finalizers;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.github.quayorgmirror.status.ReconcileOutcome.Note;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.camel.Exchange;

/**
 * Deletion of a mirror that holds our finalizer. Quay is asked whenever a connection is known, whatever the status
 * says ({@code existInQuay} is information only: a create whose answer was lost leaves it false). Deletion always
 * completes: an organization gone from Quay, or a Secret gone with its namespace, releases the finalizer with an
 * Event that says what happened; only outside a namespace teardown does a missing Secret block it, with a way out.
 */
public class DeletionSteps {

    /** Boolean: the connection is the last-known one of a Secret that is gone. */
    static final String CONNECTION_REMEMBERED = "quayConnectionRemembered";

    private final Finalizers finalizers;
    private final KnownConnections knownConnections;
    private final Predicate<String> namespaceTerminating;
    private final Runnable countOrphan;

    /** @param countOrphan counts a configuration left in Quay ({@code orgmirror_orphaned_total}) */
    public DeletionSteps(Finalizers finalizers, KnownConnections knownConnections, Predicate<String> namespaceTerminating,
            Runnable countOrphan) {
        this.finalizers = finalizers;
        this.knownConnections = knownConnections;
        this.namespaceTerminating = namespaceTerminating;
        this.countOrphan = countOrphan;
    }

    /** Terminating, or already gone. */
    public static Predicate<String> terminatingIn(KubernetesClient client) {
        return name -> {
            Namespace namespace = client.namespaces().withName(name).get();
            return namespace == null || namespace.getMetadata().getDeletionTimestamp() != null
                    || namespace.getStatus() != null && "Terminating".equals(namespace.getStatus().getPhase());
        };
    }

    public boolean preservesQuay(Exchange exchange) {
        return MirrorResource.spec(ResourceSteps.resource(exchange)).preserveInQuay();
    }

    public void releasePreserved(Exchange exchange) throws LeadershipLostException {
        release(exchange, Note.normal(ConditionReason.Released,
                "spec.preserveInQuayOnDeletion is true: the mirror configuration stays in Quay"));
    }

    /**
     * The connection could not be read ({@code orgmirror-load-connection} failed). A deleted Secret is replaced by
     * its last-known connection. Otherwise the finalizer is released when nothing can be left behind (the status
     * never showed the mirror in Quay) or when the namespace is being deleted (the Secret went with it: a Warning
     * says what stays in Quay); in every other case the failure stands and blocks the deletion.
     */
    public void withoutConnection(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.removeProperty(QuayCalls.CONNECTION);
        if (!(cause instanceof ReconcileFailure failure) || !failure.permanent()) {
            throw cause; // e.g. the API server did not answer: try again
        }
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        Optional<QuayConnection> remembered = failure.reason() == ConditionReason.SecretNotFound
                ? knownConnections.lastKnown(secretKey(exchange)) : Optional.empty();
        if (remembered.isPresent()) {
            exchange.setProperty(QuayCalls.CONNECTION, remembered.get());
            exchange.setProperty(CONNECTION_REMEMBERED, true);
            ConnectionSteps.requireOrganization(exchange);
            return;
        }
        if (!OrganizationMirrorStatus.of(resource).existsInQuay()) {
            release(exchange, Note.normal(ConditionReason.Released, "Quay cannot be asked (" + failure.getMessage() + "), and the"
                    + " controller never saw a mirror configuration of this resource there: nothing to delete"));
        } else if (namespaceTerminating.test(resource.getMetadata().getNamespace())) {
            release(exchange, Note.warning(ConditionReason.OrphanedInQuay, "Namespace " + resource.getMetadata().getNamespace()
                    + " is being deleted and Quay cannot be asked (" + failure.getMessage() + "; the controller has"
                    + " not read the Secret since it started): the mirror configuration of organization "
                    + MirrorResource.spec(resource).organization() + " stays in Quay. Delete it there"
                    + " (DELETE /api/v1/organization/{org}/mirror) if it is no longer wanted"));
            countOrphan.run();
        } else {
            throw cause;
        }
    }

    /** A connection is known and the finalizer not yet released: send the DELETE. */
    public boolean asksQuay(Exchange exchange) {
        return exchange.getProperty(QuayCalls.CONNECTION) != null && !ResourceSteps.outcome(exchange).released();
    }

    public void releaseAfterQuayDeletion(Exchange exchange) throws LeadershipLostException {
        String organization = exchange.getProperty(QuayCalls.ORGANIZATION, String.class);
        String through = exchange.getProperty(CONNECTION_REMEMBERED, false, Boolean.class)
                ? " (with the last-known connection of Secret " + secretKey(exchange) + ", which is gone)" : "";
        release(exchange, QuayCall.of(exchange).absent()
                ? Note.normal(ConditionReason.NothingToDelete, "The mirror configuration of organization " + organization
                        + " was already gone from Quay" + through)
                : Note.normal(ConditionReason.Deleted, "Deleted the mirror configuration of organization " + organization
                        + " in Quay (its repositories stay in Quay)" + through));
    }

    /** The DELETE found no organization (Quay's 403 explained by the organization lookup): nothing left to delete. */
    public void releaseIfOrganizationGone(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (!(cause instanceof QuayNotFoundException notFound)
                || notFound.missing() != QuayNotFoundException.Missing.ORGANIZATION) {
            throw cause;
        }
        release(exchange, Note.normal(ConditionReason.NothingToDelete, notFound.getMessage()
                + ": its mirror configuration went with it, nothing to delete"));
    }

    private void release(Exchange exchange, Note note) throws LeadershipLostException {
        GenericKubernetesResource resource = ResourceSteps.resource(exchange);
        finalizers.remove(resource);
        ResourceSteps.outcome(exchange).release();
        ResourceSteps.outcome(exchange).note(note);
        String secret = secretKey(exchange);
        if (secret != null) {
            knownConnections.released(secret, MirrorResource.key(resource));
        }
    }

    private static String secretKey(Exchange exchange) {
        String name = exchange.getProperty(ReconcileProperties.SECRET_NAME, String.class);
        return name == null ? null : exchange.getProperty(ReconcileProperties.SECRET_NAMESPACE, String.class) + "/" + name;
    }
}
