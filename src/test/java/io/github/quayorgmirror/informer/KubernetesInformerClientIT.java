package io.github.quayorgmirror.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.github.quayorgmirror.testing.MockKubernetes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the consumer's KubernetesClient comes from when no single bean is given. */
class KubernetesInformerClientIT {

    private static final String URI = "kubernetes-informer:organizationmirrors?namespaces=client&resyncPeriod=0";
    private static MockKubernetes kubernetes;

    @BeforeAll
    static void startKubernetes() {
        kubernetes = MockKubernetes.start();
        kubernetes.createMirror("client", "m", Map.of());
    }

    @AfterAll
    static void stopKubernetes() {
        kubernetes.close();
    }

    @Test
    void buildsAClientFromTheKubeconfigWithoutABeanAndClosesItOnStop(@TempDir Path dir) throws Exception {
        Path kubeconfig = kubernetes.writeKubeconfig(dir.resolve("kubeconfig"), "client");
        String previous = System.setProperty("kubeconfig", kubeconfig.toString());
        CamelContext context = new DefaultCamelContext();
        try {
            EventLog log = new EventLog();
            context.addRoutes(routeTo(log));
            context.start();

            await().until(() -> log.keys(), List.of("client/m ADDED")::equals);
            KubernetesClient built = context.getEndpoint(URI, KubernetesInformerEndpoint.class).client();
            assertThat(built).isNotSameAs(kubernetes.client());
            context.stop();
            assertThat(built.getHttpClient().isClosed()).isTrue();
        } finally {
            restore(previous);
            context.stop();
        }
    }

    @Test
    void refusesToGuessBetweenTwoClientBeans() throws Exception {
        CamelContext context = new DefaultCamelContext();
        try (KubernetesClient other = new KubernetesClientBuilder().withConfig(kubernetes.client().getConfiguration()).build()) {
            context.getRegistry().bind("one", kubernetes.client());
            context.getRegistry().bind("other", other);
            context.addRoutes(routeTo(new EventLog()));

            assertThatThrownBy(context::start).hasStackTraceContaining("2 KubernetesClient beans in the registry");
        } finally {
            context.stop();
        }
    }

    @Test
    void rejectsAnUnparsableResyncPeriodWhenTheRouteIsBuilt() {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("kubernetesClient", kubernetes.client());

        assertThatThrownBy(() -> context.getEndpoint("kubernetes-informer:organizationmirrors?resyncPeriod=soon"))
                .hasStackTraceContaining("soon");
        context.stop();
    }

    @Test
    void leavesASharedClientOpenOnStop() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("kubernetesClient", kubernetes.client());
        EventLog log = new EventLog();
        context.addRoutes(routeTo(log));
        context.start();
        await().until(() -> log.keys(), List.of("client/m ADDED")::equals);

        context.stop();

        assertThat(kubernetes.client().getHttpClient().isClosed()).isFalse();
        assertThat(kubernetes.client().genericKubernetesResources(MockKubernetes.API_VERSION, MockKubernetes.KIND)
                .inNamespace("client").withName("m").get()).isNotNull();
    }

    private static RouteBuilder routeTo(EventLog events) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(URI).routeId("client").process(events);
            }
        };
    }

    private static void restore(String previousKubeconfig) {
        if (previousKubeconfig == null) {
            System.clearProperty("kubeconfig");
        } else {
            System.setProperty("kubeconfig", previousKubeconfig);
        }
    }
}
