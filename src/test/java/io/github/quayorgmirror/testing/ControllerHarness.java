package io.github.quayorgmirror.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.github.quayorgmirror.ControllerConfiguration;
import io.github.quayorgmirror.ControllerMain;
import io.github.quayorgmirror.fakequay.FakeQuay;
import io.github.quayorgmirror.informer.InformerCache;
import io.github.quayorgmirror.leader.LeaderElection;
import io.github.quayorgmirror.queue.KeyedWorkQueue;
import io.github.quayorgmirror.queue.WorkQueueComponent;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.status.Condition;
import io.github.quayorgmirror.status.OrganizationMirrorStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;

/**
 * The whole system in one JVM: fabric8's mock API server (CRUD mode, our CRD registered), the fake
 * Quay seeded like the existing operator's sample expects, and controllers started from the real
 * {@code routes/}. Used by the end-to-end tests and by the embedded run.
 */
public final class ControllerHarness implements AutoCloseable {

    public static final String NAMESPACE = "default";
    public static final String ORGANIZATION = "productionmirror";
    public static final String ROBOT = "syncrobot";
    public static final String USER = "mirror-admin";
    public static final String PASSWORD = "s3cr3t-Passw0rd-for-tests";
    public static final String SECRET = "quay-credentials-secret";
    public static final Path SAMPLE = Path.of("k8s/samples/organizationmirror-sample.yaml");

    private final MockKubernetes kube;
    private final FakeQuay quay;
    private final String token;
    /** The User-Agent of the controllers' own API client: their requests can be told from the test's. */
    public static final String CONTROLLER_USER_AGENT = "quay-orgmirror-controller/test";

    private final List<Main> controllers = new ArrayList<>();
    private final Map<Main, KubernetesClient> clients = new java.util.HashMap<>();

    private ControllerHarness(MockKubernetes kube, FakeQuay quay) {
        this.kube = kube;
        this.quay = quay;
        quay.addOrganization(ORGANIZATION);
        quay.addUser(USER, PASSWORD);
        quay.makeOrgAdmin(ORGANIZATION, USER);
        quay.addRobot(ORGANIZATION, ROBOT);
        // the external registry of the existing operator's sample
        quay.allowHost("quay.io");
        this.token = quay.addToken(USER, "org:admin", "repo:read");
    }

    public static ControllerHarness start() {
        return start(FakeQuay.startHttp());
    }

    /** Everything up around this fake Quay, e.g. {@link FakeQuay#startHttps()} for a Quay reached over TLS. */
    public static ControllerHarness start(FakeQuay quay) {
        return new ControllerHarness(MockKubernetes.start(), quay);
    }

    /** The usual start of an end-to-end test: everything up, and the sample's connection Secret (token). */
    public static ControllerHarness startWithTokenSecret() {
        return startWithTokenSecret(FakeQuay.startHttp());
    }

    /** As {@link #startWithTokenSecret()}, around this fake Quay; the Secret names its URI, http or https. */
    public static ControllerHarness startWithTokenSecret(FakeQuay quay) {
        ControllerHarness harness = start(quay);
        harness.createConnectionSecret(true);
        return harness;
    }

    public MockKubernetes kube() {
        return kube;
    }

    public FakeQuay quay() {
        return quay;
    }

    public String token() {
        return token;
    }

    /** The connection Secret of the sample, with the token (or with username/password when asked). */
    public void createConnectionSecret(boolean withToken) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("host", quay.baseUri().toString());
        values.put("validateCerts", "true");
        if (withToken) {
            values.put("token", token);
        } else {
            values.put("username", USER);
            values.put("password", PASSWORD);
        }
        kube.createSecret(NAMESPACE, SECRET, values);
    }

    /** Creates or replaces the sample's connection Secret with this token (a rotation), carrying these labels. */
    public void writeTokenSecret(String secretToken, Map<String, String> labels) {
        kube.createSecret(NAMESPACE, SECRET, Map.of("host", quay.baseUri().toString(), "token", secretToken), labels);
    }

    /** Ready, and for the resource's current generation. */
    public static boolean isReady(GenericKubernetesResource resource) {
        Condition ready = OrganizationMirrorStatus.of(resource).condition(Condition.READY);
        return ready != null && "True".equals(ready.status())
                && Long.valueOf(MirrorResource.generation(resource)).equals(ready.observedGeneration());
    }

    /** Starts a controller on the real routes with fast test timings; extra properties win. */
    public Main startController(Map<String, String> properties) {
        return startController(properties, CONTROLLER_USER_AGENT);
    }

    /** A controller whose API client announces itself with this User-Agent: its requests can be told apart. */
    public Main startController(Map<String, String> properties, String userAgent) {
        Main main = ControllerMain.newMain();
        KubernetesClient client = kube.newClient(userAgent);
        clients.put(main, client);
        main.bind("kubernetesClient", client);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.main.routesIncludePattern", "file:routes/*.yaml");
        settings.put("camel.management.port", String.valueOf(freePort()));
        settings.put("camel.management.host", "127.0.0.1");
        // no periodic resync unless a test asks for one: it would hide a missing event path
        settings.put("orgmirror.watch.resync-period", "0");
        settings.put("orgmirror.queue.backoff-initial", "100ms");
        settings.put("orgmirror.queue.backoff-max", "2s");
        settings.put("orgmirror.reconcile.stalled-retry", "3s");
        settings.put("orgmirror.reconcile.sync-pending-retry", "1s");
        settings.put("orgmirror.quay.redelivery.maximum-redeliveries", "2");
        settings.put("orgmirror.quay.redelivery.delay", "20");
        settings.put("orgmirror.quay.redelivery.maximum-delay", "100");
        settings.putAll(properties);
        settings.forEach(main::addOverrideProperty);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("Controller did not start", e);
        }
        controllers.add(main);
        return main;
    }

    public Main startController() {
        return startController(Map.of());
    }

    public void stopController(Main main) {
        controllers.remove(main);
        try {
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            clients.remove(main).close();
        }
    }

    public GenericKubernetesResource applySample() {
        kube.apply(SAMPLE, NAMESPACE);
        return mirror("organizationmirror-sample");
    }

    /** Creates an OrganizationMirror from a YAML text. */
    public GenericKubernetesResource create(String yaml) {
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return MirrorResource.api(kube.client()).inNamespace(NAMESPACE).resource(resource).create();
    }

    /**
     * Stores an OrganizationMirror from a YAML text without the CRD's admission: a resource created under an
     * older CRD without today's rules (herve4m's has no patterns), which the controller must still handle.
     */
    public GenericKubernetesResource createUnchecked(String yaml) {
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        resource.getMetadata().setNamespace(NAMESPACE);
        kube.storeUnchecked(resource);
        return mirror(resource.getMetadata().getName());
    }

    /**
     * Changes the resource as a user would. The edit carries the resourceVersion it read; when the
     * controller wrote in between (409), it reads again and retries, as a user would.
     */
    public void edit(String name, Consumer<GenericKubernetesResource> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                MirrorResource.api(kube.client()).inNamespace(NAMESPACE).withName(name).edit(resource -> {
                    change.accept(resource);
                    return resource;
                });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Changes the resource's spec (a new generation). */
    @SuppressWarnings("unchecked")
    public void editSpec(String name, Consumer<Map<String, Object>> change) {
        edit(name, resource -> change.accept((Map<String, Object>) resource.getAdditionalProperties().get("spec")));
    }

    public void editSpec(String name, String field, Object value) {
        editSpec(name, spec -> spec.put(field, value));
    }

    /** Events of this type ({@code Normal} or {@code Warning}) about the named resource, or any when null, as {@code reason: note}. */
    public List<String> events(String type, String name) {
        return kube.client().events().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(event -> type.equals(event.getType())
                        && (name == null || name.equals(event.getRegarding().getName())))
                .map(event -> event.getReason() + ": " + event.getNote()).toList();
    }

    /**
     * The Warning Events of a resource but the one the harness always earns: its fake Quay is {@code http://}, so
     * every resource is warned once that its token travels in cleartext.
     */
    public List<String> failureWarnings(String name) {
        return events("Warning", name).stream().filter(event -> !event.startsWith("CleartextConnection:")).toList();
    }

    public GenericKubernetesResource mirror(String name) {
        return MirrorResource.api(kube.client()).inNamespace(NAMESPACE).withName(name).get();
    }

    public OrganizationMirrorStatus status(String name) {
        GenericKubernetesResource resource = mirror(name);
        return resource == null ? null : OrganizationMirrorStatus.of(resource);
    }

    public Condition condition(String name, String type) {
        OrganizationMirrorStatus status = status(name);
        return status == null ? null : status.condition(type);
    }

    /** Waits until the resource's condition has the given status and, if given, reason. */
    public Condition awaitCondition(String name, String type, String status, String reason) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Condition condition = condition(name, type);
            return condition != null && status.equals(condition.status())
                    && (reason == null || reason.equals(condition.reason()));
        });
        return condition(name, type);
    }

    /**
     * Waits until the resource's status describes its current generation and is Ready, and then until
     * every running controller is idle: the passes that follow a Ready status (the one caused by our
     * finalizer write, the Secret's first list) are over, so what the test does next is the only cause of
     * what happens next.
     */
    public void awaitReady(String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            GenericKubernetesResource resource = mirror(name);
            return resource != null && isReady(resource);
        });
        // a standby (leader election) keeps its queue filled and runs nothing: only reconciling ones count
        List.copyOf(controllers).stream().filter(ControllerHarness::reconciles).forEach(ControllerHarness::awaitIdle);
    }

    private static boolean reconciles(Main controller) {
        return controller.getCamelContext().getRouteController().getRouteStatus("orgmirror-reconcile")
                == ServiceStatus.Started;
    }

    /** Properties of one replica with leader election, fast Lease timings, and this identity. */
    public static Map<String, String> replica(String identity) {
        return Map.of("orgmirror.leader-election.enabled", "true",
                "orgmirror.leader-election.identity", identity,
                "orgmirror.leader-election.lease-namespace", NAMESPACE,
                "orgmirror.leader-election.lease-duration", "3s",
                "orgmirror.leader-election.renew-deadline", "2s",
                "orgmirror.leader-election.retry-period", "200ms");
    }

    public static boolean leads(Main controller) {
        return controller.getCamelContext().getRegistry().lookupByNameAndType("leaderElection", LeaderElection.class)
                .isLeader();
    }

    /** The controller's meters, as scraped at /observe/metrics. */
    public static MeterRegistry meters(Main controller) {
        return controller.getCamelContext().getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
    }

    /** The work queue of a controller started here. */
    public static KeyedWorkQueue queue(Main controller) {
        return controller.getCamelContext().getComponent("workqueue", WorkQueueComponent.class).queue("organizationmirrors");
    }

    /** Waits until the controller's informer has listed every OrganizationMirror (and so sees later ones as watch events). */
    public static void awaitSynced(Main controller) {
        InformerCache cache = controller.getCamelContext().getRegistry()
                .lookupByNameAndType(ControllerConfiguration.MIRROR_CACHE, InformerCache.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache != null && cache.isSynced());
    }

    /** Waits until the controller has no pass queued or running (a retry scheduled for later may remain). */
    public static void awaitIdle(Main controller) {
        KeyedWorkQueue queue = queue(controller);
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.depth() == 0 && queue.inFlight() == 0);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Main main : List.copyOf(controllers)) {
            stopController(main);
        }
        quay.close();
        kube.close();
    }
}
