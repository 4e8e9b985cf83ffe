package io.github.quayorgmirror.reconcile;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.spi.Registry;

/**
 * The conditions of the reconcile and finalize routes ({@code filter}, {@code choice}, {@code onWhen}) as Predicates
 * bound in the registry, and the list orgmirror-write-status splits into Events as an Expression, read with the
 * {@code ref} language like quay-call's (docs/design.md, "Where we wrote our own"): a {@code method:} expression
 * copies the whole exchange and binds the method's parameters on every evaluation, and about eight of these run
 * per pass. Each is the step bean's method of the same meaning, which stays the one place of its rule.
 */
public final class ReconcileConditions {

    private ReconcileConditions() {
    }

    /** Binds the Predicates next to the step beans, which must be bound already. */
    public static void bind(Registry registry) {
        ResourceSteps resource = bean(registry, "resourceSteps", ResourceSteps.class);
        condition(registry, "finalizerHeld", resource::holdsFinalizer);

        QuayCapabilitySteps capabilities = bean(registry, "quayCapabilitySteps", QuayCapabilitySteps.class);
        condition(registry, "quayConfigReadNeeded", capabilities::readNeeded);
        condition(registry, "quayNotFoundMayBeMissingFeature", capabilities::notFoundMayBeMissingFeature);

        condition(registry, "registrySecretReferenced",
                bean(registry, "registryCredentialSteps", RegistryCredentialSteps.class)::referenced);

        MirrorConfigSteps mirrorConfig = bean(registry, "mirrorConfigSteps", MirrorConfigSteps.class);
        condition(registry, "createWithoutReading", mirrorConfig::createFirst);
        condition(registry, "createRefusedUnread", mirrorConfig::createRefusedUnread);

        condition(registry, "registryVerificationDue",
                bean(registry, "registryVerificationSteps", RegistryVerificationSteps.class)::due);

        ForceSyncSteps forceSync = bean(registry, "forceSyncSteps", ForceSyncSteps.class);
        condition(registry, "forceSyncDue", forceSync::due);
        condition(registry, "syncNowRefused", forceSync::syncRefused);

        SyncRequestSteps syncRequests = bean(registry, "syncRequestSteps", SyncRequestSteps.class);
        condition(registry, "requestedSyncDue", syncRequests::syncDue);
        condition(registry, "requestedSyncCancelDue", syncRequests::cancelDue);
        condition(registry, "syncCancelRefused", syncRequests::cancelRefused);

        DeletionSteps deletion = bean(registry, "deletionSteps", DeletionSteps.class);
        condition(registry, "preservedInQuay", deletion::preservesQuay);
        condition(registry, "deletionAsksQuay", deletion::asksQuay);

        EventFactory events = bean(registry, "eventFactory", EventFactory.class);
        condition(registry, "passHasEvents", events::hasEvents);
        Processor eventData = events::keepEventData;
        registry.bind("eventData", Processor.class, eventData);
        registry.bind("passNotes", Expression.class, new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return events.notes(exchange);
            }

            @Override
            public String toString() {
                return "passNotes";
            }
        });
    }

    private static void condition(Registry registry, String name, Predicate predicate) {
        registry.bind(name, Predicate.class, predicate);
    }

    private static <T> T bean(Registry registry, String name, Class<T> type) {
        T bean = registry.lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("No bean " + name + " to bind its conditions to");
        }
        return bean;
    }
}
