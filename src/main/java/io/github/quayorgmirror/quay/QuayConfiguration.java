package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.settings.Durations;
import java.time.Clock;
import javax.net.ssl.HostnameVerifier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.Predicate;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustAllTrustManager;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** The beans that {@code routes/quay-api.camel.yaml} refers to by name. */
@Configuration
public class QuayConfiguration implements CamelConfiguration {

    private final QuaySessionStore sessions = new QuaySessionStore();
    private final QuayAuthenticator auth = new QuayAuthenticator(sessions);
    private QuayResponses responses;

    @PropertyInject(value = "orgmirror.quay.redelivery.maximum-delay", defaultValue = "30000")
    private long maximumRedeliveryDelayMillis;

    @PropertyInject(value = "orgmirror.reconcile.pass-deadline", defaultValue = "60s")
    private String passDeadline;

    @PropertyInject(value = "orgmirror.quay.circuit-breaker.failure-threshold", defaultValue = "5")
    private int circuitFailureThreshold;

    @PropertyInject(value = "orgmirror.quay.circuit-breaker.open-duration", defaultValue = "30s")
    private String circuitOpenDuration;

    @PropertyInject(value = "orgmirror.queue.passes-per-quay-host", defaultValue = "2")
    private int passesPerQuayHost;

    @BindToRegistry("quaySessions")
    public QuaySessionStore quaySessions() {
        return sessions;
    }

    @BindToRegistry("quayAuth")
    public QuayAuthenticator quayAuth() {
        return auth;
    }

    @BindToRegistry("quayCalls")
    public QuayCalls quayCalls() {
        return new QuayCalls();
    }

    /** One instance, shared with the Predicates below; made after the properties are injected. */
    @BindToRegistry("quayResponses")
    public synchronized QuayResponses quayResponses() {
        if (responses == null) {
            responses = new QuayResponses(maximumRedeliveryDelayMillis, Clock.systemUTC());
        }
        return responses;
    }

    // The conditions of quay-call's loop and filters and of the operation routes: Predicates for the ref language.
    // A method or bean expression copies the whole exchange (properties and headers) on every evaluation, and
    // these are evaluated four or more times per Quay call.

    /** The first send of the call, or once more after a session was renewed. */
    @BindToRegistry("quaySendAgain")
    public Predicate quaySendAgain() {
        return exchange -> QuayCall.of(exchange).sendAgain();
    }

    /** See {@link QuayAuthenticator#beginSignIn}: when true, the sign-in's lock is held until {@code endSignIn}. */
    @BindToRegistry("quaySignInNeeded")
    public Predicate quaySignInNeeded() {
        return auth::beginSignIn;
    }

    @BindToRegistry("quayOrganizationLookupNeeded")
    public Predicate quayOrganizationLookupNeeded() {
        return exchange -> quayResponses().needsOrganizationLookup(exchange);
    }

    @BindToRegistry("quayAnswerFound")
    public Predicate quayAnswerFound() {
        return exchange -> quayResponses().found(exchange);
    }

    @BindToRegistry("quaySessionFlow")
    public QuaySessionFlow quaySessionFlow() {
        return new QuaySessionFlow();
    }

    @BindToRegistry("quayPassDeadline")
    public QuayPassDeadline quayPassDeadline() {
        return new QuayPassDeadline(Durations.positive("orgmirror.reconcile.pass-deadline", passDeadline), System::nanoTime);
    }

    @BindToRegistry("quayCircuitBreakers")
    public QuayCircuitBreakers quayCircuitBreakers() {
        return new QuayCircuitBreakers(circuitFailureThreshold, Durations.positive(
                "orgmirror.quay.circuit-breaker.open-duration", circuitOpenDuration), System::nanoTime, Clock.systemUTC());
    }

    @BindToRegistry("quayHostShare")
    public QuayHostShare quayHostShare() {
        return new QuayHostShare(passesPerQuayHost);
    }

    @BindToRegistry("quayOrganizationLookup")
    public QuayOrganizationLookup quayOrganizationLookup() {
        return new QuayOrganizationLookup();
    }

    @BindToRegistry("quayMetrics")
    public QuayMetrics quayMetrics() {
        return new QuayMetrics();
    }

    /** For connections with {@code validateCerts: "false"} only; see {@link QuayEndpoints}. */
    @BindToRegistry(QuayEndpoints.TRUST_ALL_TLS)
    public SSLContextParameters quayTrustAllTls() {
        TrustManagersParameters trustAll = new TrustManagersParameters();
        trustAll.setTrustManager(TrustAllTrustManager.INSTANCE);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustAll);
        return parameters;
    }

    @BindToRegistry(QuayEndpoints.NO_HOSTNAME_CHECK)
    public HostnameVerifier quayNoHostnameCheck() {
        return (hostname, session) -> true;
    }

    @Override
    public void configure(CamelContext camelContext) {
        sessions.setCamelContext(camelContext);
        camelContext.getManagementStrategy().addEventNotifier(new QuaySignOutOnShutdown(sessions));
    }
}
