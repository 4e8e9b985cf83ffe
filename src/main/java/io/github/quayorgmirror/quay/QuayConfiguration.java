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
    private final QuayCalls calls = new QuayCalls();
    private final QuayMetrics metrics = new QuayMetrics();
    private QuayCallBeans callBeans;

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
        return calls;
    }

    /** The beans with settings, one instance each, shared by the registry, quayCallSteps and the Predicates below. */
    private record QuayCallBeans(QuayResponses responses, QuayPassDeadline deadline, QuayCircuitBreakers breakers,
            QuayCallSteps steps) {
    }

    /** Made on first use, which comes after the properties are injected. */
    private synchronized QuayCallBeans callBeans() {
        if (callBeans == null) {
            QuayResponses responses = new QuayResponses(maximumRedeliveryDelayMillis, Clock.systemUTC());
            QuayPassDeadline deadline = new QuayPassDeadline(
                    Durations.positive("orgmirror.reconcile.pass-deadline", passDeadline), System::nanoTime);
            QuayCircuitBreakers breakers = new QuayCircuitBreakers(circuitFailureThreshold, Durations.positive(
                    "orgmirror.quay.circuit-breaker.open-duration", circuitOpenDuration), System::nanoTime,
                    Clock.systemUTC());
            callBeans = new QuayCallBeans(responses, deadline, breakers,
                    new QuayCallSteps(calls, auth, deadline, breakers, responses, metrics));
        }
        return callBeans;
    }

    @BindToRegistry("quayCallSteps")
    public QuayCallSteps quayCallSteps() {
        return callBeans().steps();
    }

    @BindToRegistry("quayResponses")
    public QuayResponses quayResponses() {
        return callBeans().responses();
    }

    // The conditions of quay-call's loop and filters and of the operation routes: Predicates for the ref language.
    // A method or bean expression copies the whole exchange (properties and headers) on every evaluation, and
    // these are evaluated four or more times per Quay call.

    /** The first send of the call, or once more after a session was renewed. */
    @BindToRegistry("quaySendAgain")
    public Predicate quaySendAgain() {
        return exchange -> QuayCall.of(exchange).sendAgain();
    }

    /** See {@link QuayCallSteps#beforeSend}: the call holds its login's lock, released by {@code endSignIn}. */
    @BindToRegistry("quaySignInNeeded")
    public Predicate quaySignInNeeded() {
        return auth::signingIn;
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
        return callBeans().deadline();
    }

    @BindToRegistry("quayCircuitBreakers")
    public QuayCircuitBreakers quayCircuitBreakers() {
        return callBeans().breakers();
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
        return metrics;
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
