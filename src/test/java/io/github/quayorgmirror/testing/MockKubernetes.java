package io.github.quayorgmirror.testing;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.MockServerExpectation;
import io.github.quayorgmirror.testing.apiserver.CrdModel;
import io.github.quayorgmirror.testing.apiserver.StrictApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock API server in CRUD mode on 127.0.0.1 with our OrganizationMirror CRD registered
 * (so the status subresource is emulated), plus the helpers the tests share.
 * Scripted expectations ({@link #expect()}) are answered first, everything else by the CRUD store.
 * Read fabric8-mock-notes.md before relying on a behaviour of the mock: it is not a real API server.
 */
public final class MockKubernetes implements AutoCloseable {

    /** The one CRD file: the tests register exactly what is deployed. */
    public static final Path CRD_FILE = Path.of("k8s/crd/organizationmirrors.quay.herve4m.github.io.yaml");
    public static final Path SAMPLE_FILE = Path.of("k8s/samples/organizationmirror-sample.yaml");
    public static final String API_VERSION = "quay.herve4m.github.io/v1alpha1";
    public static final String KIND = "OrganizationMirror";

    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    private final StrictApiServer strict;
    private final FaultInjectingDispatcher dispatcher;
    private final int port;
    private KubernetesMockServer server;
    private final NamespacedKubernetesClient client;

    private MockKubernetes(int requestedPort) {
        port = requestedPort == 0 ? freePort() : requestedPort;
        strict = new StrictApiServer(expectations, CrdModel.read(CRD_FILE), "127.0.0.1:" + port);
        dispatcher = new FaultInjectingDispatcher(strict);
        server = startServer(port);
        client = server.createClient();
    }

    /** Starts a mock API server on a free port and registers the OrganizationMirror CRD. */
    public static MockKubernetes start() {
        return start(0);
    }

    /** As {@link #start()}, on the given port (0: a free one). */
    public static MockKubernetes start(int port) {
        MockKubernetes mock = new MockKubernetes(port);
        mock.registerCrd();
        return mock;
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    public int port() {
        return port;
    }

    /** The server's URL by IP address, so that no resolver can send a client to ::1 instead. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Scripted answers that win over the CRUD store, e.g. a watch that fails once. */
    public MockServerExpectation expect() {
        return server.expect();
    }

    /**
     * Stops the server and starts a new one on the same port over the same stored objects: every
     * open watch is cut, as when an API server restarts.
     */
    public void restart() {
        server.destroy();
        server = startServer(port);
    }

    /** Answers every request on {@code path} (no query) with this HTTP status until {@link #allow}: a refused list or watch. */
    public void refuse(String path, int httpStatus) {
        dispatcher.refuse(path, httpStatus);
    }

    /** Refuses the requests on {@code path} of one client (its User-Agent) only: e.g. one replica's Lease renewals. */
    public void refuseFrom(String userAgent, String path, int httpStatus) {
        dispatcher.refuseFrom(userAgent, path, httpStatus);
    }

    public void allow(String path) {
        dispatcher.allow(path);
    }

    /** Refuses only the next {@code times} requests on {@code path} (no query), e.g. one 409 on a status write. */
    public void refuseNext(String path, int httpStatus, int times) {
        dispatcher.refuseNext(path, httpStatus, times);
    }

    /** The next watch on {@code path} gets an ERROR event with 410 Gone, as for a too old resourceVersion. */
    /** Keeps the bodies of the {@code method} requests on {@code path} (no query) from now on. */
    public void recordRequestBodies(String method, String path) {
        dispatcher.recordRequestBodies(method, path);
    }

    /** The bodies kept of the {@code method} requests on {@code path}, in order. */
    public List<String> requestBodies(String method, String path) {
        return dispatcher.requestBodies(method, path);
    }

    /** {@code method} requests on {@code path} (no query) are answered {@code delay} late from now on. */
    public void delayResponses(String method, String path, java.time.Duration delay) {
        dispatcher.delayResponses(method, path, delay);
    }

    public void expireNextWatch(String path) {
        dispatcher.expireNextWatch(path);
    }

    /**
     * Keeps back the events of the watches on {@code path} (no query) until {@link #releaseWatchEvents}:
     * a watch that lags, so a client's informer cache does not yet show what was just written.
     */
    public void holdWatchEvents(String path) {
        dispatcher.holdWatchEvents(path);
    }

    public void releaseWatchEvents(String path) {
        dispatcher.releaseWatchEvents(path);
    }

    /** Watches on {@code path} (no query) open right now. */
    public int openWatches(String path) {
        return dispatcher.openWatches(path);
    }

    /** What was asked on {@code path} (no query), in order: list, watch, watch-expired, refused. */
    public List<String> journal(String path) {
        return dispatcher.journal(path);
    }

    /** Every request sent by a client with this User-Agent, as {@code METHOD path?query}, in order. */
    public List<String> requestsFrom(String userAgent) {
        return dispatcher.requestsFrom(userAgent);
    }

    /** How many requests a client with this User-Agent sent so far: {@code requestsFrom(userAgent).size()}, without the copy. */
    public int requestCountFrom(String userAgent) {
        return dispatcher.requestCountFrom(userAgent);
    }

    /** A new client to this server that announces itself with the given User-Agent (close it yourself). */
    public KubernetesClient newClient(String userAgent) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client().getConfiguration()).withUserAgent(userAgent).build()).build();
    }

    /** The REST path of a namespace's OrganizationMirrors, or of all namespaces' when namespace is null. */
    public static String mirrorsPath(String namespace) {
        return "/apis/quay.herve4m.github.io/v1alpha1/" + (namespace == null ? "" : "namespaces/" + namespace + "/")
                + "organizationmirrors";
    }

    /** Stops the server without starting it again (an unreachable API server). */
    public void stop() {
        server.destroy();
    }

    /** Starts the server again on the same port after {@link #stop()}. */
    public void resume() {
        server = startServer(port);
    }

    public CustomResourceDefinition registerCrd() {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .load(CRD_FILE.toFile()).item();
        return client.apiextensions().v1().customResourceDefinitions().resource(crd)
                .createOr(NonDeletingOperation::update);
    }

    /** Creates (or replaces) a Secret whose {@code data} holds the base64 of the given values, as a real API server stores it. */
    public Secret createSecret(String namespace, String name, Map<String, String> values) {
        return createSecret(namespace, name, values, Map.of());
    }

    public Secret createSecret(String namespace, String name, Map<String, String> values, Map<String, String> labels) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        Secret secret = new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(labels).endMetadata().withType("Opaque").withData(data).build();
        return client.secrets().inNamespace(namespace).resource(secret).createOr(NonDeletingOperation::update);
    }

    /** Creates, or updates when it exists, every object of a YAML file (one or more documents) in the namespace. */
    public List<HasMetadata> apply(Path yamlFile, String namespace) {
        try (InputStream in = Files.newInputStream(yamlFile)) {
            List<HasMetadata> applied = new ArrayList<>();
            for (HasMetadata item : client.load(in).items()) {
                applied.add(client.resource(item).inNamespace(namespace).createOr(NonDeletingOperation::update));
            }
            return applied;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> mirrors() {
        return client.genericKubernetesResources(API_VERSION, KIND);
    }

    /**
     * Stores an OrganizationMirror without the CRD's admission, as one written before the CRD had its current
     * rules (or with a CRD that had none) would be: for tests of how the controller copes with such specs.
     */
    public void storeUnchecked(GenericKubernetesResource mirror) {
        strict.storeUnchecked(mirror.getMetadata().getNamespace(),
                client.getKubernetesSerialization().convertValue(mirror, com.fasterxml.jackson.databind.JsonNode.class));
    }

    /** Calls {@code listener} with each OrganizationMirror admitted, before it is stored and any watcher sees it. */
    public void onMirrorAdmitted(java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> listener) {
        strict.onAdmitted(listener);
    }

    /** Creates an OrganizationMirror like k8s/samples/organizationmirror-sample.yaml, under another name and namespace. */
    public GenericKubernetesResource createMirror(String namespace, String name, Map<String, String> labels) {
        GenericKubernetesResource mirror = client.getKubernetesSerialization()
                .unmarshal(readSample(), GenericKubernetesResource.class);
        mirror.getMetadata().setNamespace(namespace);
        mirror.getMetadata().setName(name);
        mirror.getMetadata().setLabels(labels);
        return mirrors().inNamespace(namespace).resource(mirror).create();
    }

    /** Writes a kubeconfig that points at this server (for the embedded run and process-level tests). */
    public Path writeKubeconfig(Path file, String namespace) {
        return Kubeconfig.write(file, url(), namespace);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    private static String readSample() {
        try {
            return Files.readString(SAMPLE_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KubernetesMockServer startServer(int requestedPort) {
        KubernetesMockServer started = new KubernetesMockServer(
                new Context(), new MockWebServer(), expectations, dispatcher, false);
        try {
            started.init(InetAddress.getByName("127.0.0.1"), requestedPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started;
    }
}
