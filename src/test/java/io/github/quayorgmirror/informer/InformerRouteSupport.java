package io.github.quayorgmirror.informer;

import io.github.quayorgmirror.testing.MockKubernetes;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One mock API server per test class, one Camel context per test, with the mock's client as the registry's single KubernetesClient. */
abstract class InformerRouteSupport {

    protected static MockKubernetes kubernetes;
    protected CamelContext context;

    @BeforeAll
    static void startKubernetes() {
        kubernetes = MockKubernetes.start();
    }

    @AfterAll
    static void stopKubernetes() {
        kubernetes.close();
    }

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.getRegistry().bind("kubernetesClient", kubernetes.client());
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    /** Starts a route from {@code uri} that records every exchange. */
    protected EventLog route(String routeId, String uri) throws Exception {
        EventLog events = new EventLog();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(events);
            }
        });
        return events;
    }

    protected KubernetesInformerConsumer consumer(String routeId) {
        return (KubernetesInformerConsumer) context.getRoute(routeId).getConsumer();
    }

    /** The state of a health check as camel-health reports it, or null when the check is not registered. */
    protected HealthCheck.State health(String checkId) {
        return HealthCheckHelper.invoke(context).stream().filter(result -> result.getCheck().getId().equals(checkId))
                .map(HealthCheck.Result::getState).findFirst().orElse(null);
    }
}
