package io.github.quayorgmirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.quayorgmirror.testing.MockKubernetes;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where ControllerConfiguration's Vert.x and KubernetesClient come from, with and without an early start. */
class EarlyKubernetesClientIT {

    private static final String NAMESPACE = "early";
    private static MockKubernetes kubernetes;

    @TempDir
    Path dir;
    private String previousKubeconfig;
    private final CamelContext context = new DefaultCamelContext();

    @BeforeAll
    static void startKubernetes() {
        kubernetes = MockKubernetes.start();
        kubernetes.createMirror(NAMESPACE, "m", Map.of());
    }

    @AfterAll
    static void stopKubernetes() {
        kubernetes.close();
    }

    @BeforeEach
    void useKubeconfig() {
        previousKubeconfig = System.getProperty("kubeconfig");
        useKubeconfig(kubernetes.writeKubeconfig(dir.resolve("kubeconfig"), NAMESPACE));
        context.getPropertiesComponent().setLocation("classpath:application.properties");
    }

    @AfterEach
    void restoreKubeconfig() {
        context.stop();
        if (previousKubeconfig == null) {
            System.clearProperty("kubeconfig");
        } else {
            System.setProperty("kubeconfig", previousKubeconfig);
        }
    }

    @Test
    void takesTheVertxAndClientBuiltEarlyAndClosesThemOnStop() throws Exception {
        EarlyKubernetesClient early = EarlyKubernetesClient.start();
        context.getRegistry().bind(EarlyKubernetesClient.NAME, early);

        new ControllerConfiguration().configure(context);
        context.start();

        KubernetesClient client = context.getRegistry().findSingleByType(KubernetesClient.class);
        assertThat(client).isSameAs(early.client());
        assertThat(context.getRegistry().lookupByNameAndType("vertx", Vertx.class)).isSameAs(early.vertx().vertx());
        assertThat(mirror(client)).isNotNull();
        context.stop();
        assertThat(client.getHttpClient().isClosed()).isTrue();
    }

    @Test
    void connectsToTheApiServerBeforeCamelMainNeedsIt() throws Exception {
        EarlyKubernetesClient early = EarlyKubernetesClient.start();
        context.getRegistry().bind(EarlyKubernetesClient.NAME, early);
        String userAgent = early.client().getConfiguration().getUserAgent();

        // the mock server has no /version: a 404 is enough, the connection and the classes are what count
        await().until(() -> kubernetes.requestsFrom(userAgent).contains("GET /version"));
        new ControllerConfiguration().configure(context);
        context.start();
        assertThat(mirror(early.client())).isNotNull();
    }

    @Test
    void buildsItsOwnFromTheKubeconfigWithoutAnEarlyStart() throws Exception {
        new ControllerConfiguration().configure(context);
        context.start();

        KubernetesClient client = context.getRegistry().findSingleByType(KubernetesClient.class);
        assertThat(client).isNotSameAs(kubernetes.client());
        assertThat(mirror(client)).isNotNull();
        context.stop();
        assertThat(client.getHttpClient().isClosed()).isTrue();
    }

    @Test
    void keepsAClientOfTheRegistryAndClosesTheOneBuiltEarly() throws Exception {
        EarlyKubernetesClient early = EarlyKubernetesClient.start();
        context.getRegistry().bind(EarlyKubernetesClient.NAME, early);
        context.getRegistry().bind("kubernetesClient", kubernetes.client());

        new ControllerConfiguration().configure(context);

        assertThat(context.getRegistry().findSingleByType(KubernetesClient.class)).isSameAs(kubernetes.client());
        await().until(() -> early.client().getHttpClient().isClosed());
    }

    @Test
    void throwsWhatBuildingTheClientThrowsWhenTheEarlyBuildFailed() throws Exception {
        useKubeconfig(Files.writeString(dir.resolve("broken-kubeconfig"), "clusters: [ {"));
        EarlyKubernetesClient early = EarlyKubernetesClient.start();
        context.getRegistry().bind(EarlyKubernetesClient.NAME, early);

        Throwable thrown = catchThrowable(() -> new ControllerConfiguration().configure(context));

        Vertx vertx = early.vertx().vertx();
        Throwable built = catchThrowable(() -> EarlyKubernetesClient.build(vertx));
        vertx.close();
        assertThat(built).isNotNull();
        assertThat(thrown).isExactlyInstanceOf(built.getClass()).hasMessage(built.getMessage());
    }

    private void useKubeconfig(Path kubeconfig) {
        System.setProperty("kubeconfig", kubeconfig.toString());
    }

    private static Object mirror(KubernetesClient client) {
        return client.genericKubernetesResources(MockKubernetes.API_VERSION, MockKubernetes.KIND)
                .inNamespace(NAMESPACE).withName("m").get();
    }
}
