package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Puts a Kubernetes API server's behaviour in front of fabric8's CRUD mock, which stores objects but neither
 * validates them nor speaks to kubectl: discovery and OpenAPI documents, admission of the CRD's resources by
 * their schema and CEL rules, server-side Tables, core/v1 Events and watches over plain HTTP. Everything
 * else goes to the mock unchanged. See docs/testing-api-server.md.
 */
public final class StrictApiServer extends Dispatcher {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    private final CrdModel crd;
    private final Store store;
    private final Discovery discovery;
    private final CustomResourceAdmission admission;
    private final ReadViews views;
    private final SnapshotWatches watches;

    /** {@code expectations}: the mock server's scripted answers, which win over the CRUD store. */
    public StrictApiServer(Map<ServerRequest, Queue<ServerResponse>> expectations, CrdModel crd, String serverAddress) {
        this.crd = crd;
        this.store = new Store(expectations);
        this.discovery = new Discovery(crd, serverAddress);
        this.admission = new CustomResourceAdmission(crd, store);
        this.views = new ReadViews(crd, store);
        this.watches = new SnapshotWatches(store, store::nextResourceVersion);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            return answer(request);
        } catch (RuntimeException e) {
            // an answer, not a dropped connection: the test sees the server's fault at once, not a client timeout
            return ApiStatus.failure(500, "InternalError", "the test API server failed: " + e);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath().split("\\?", 2)[0];
        boolean get = "GET".equals(request.getMethod());
        if (get && path.equals("/openapi/v2")) {
            return ApiStatus.failure(404, "NotFound", "the server could not find the requested resource");
        }
        JsonNode document = get ? discovery.answer(path) : null;
        if (document != null) {
            return Store.json(200, document);
        }
        if (path.contains("//")) {
            // the mock reads no attribute from such a path, and an empty query matches every object it stores
            return ApiStatus.failure(404, "NotFound", "the server could not find the requested resource");
        }
        ResourcePath target = ResourcePath.parse(request.getPath());
        if (target == null) {
            return store.dispatch(request);
        }
        if (get && SnapshotWatches.isHttpWatch(target, request.getHeader("Upgrade"))) {
            return watches.answer(target);
        }
        if (get && "true".equals(target.parameter("watch"))) {
            return watches.resumeWebSocketWatch(target, store.dispatch(request));
        }
        if (get && "v1".equals(target.groupVersion()) && "events".equals(target.plural()) && target.name() == null
                && target.parameter("watch") == null) {
            return table(request, target, Store.json(200, views.coreEvents(target)));
        }
        JsonNode before = !get && target.name() != null ? store.get(target.item()) : null;
        JsonNode collectionBefore = "DELETE".equals(request.getMethod()) && target.name() == null
                ? store.get(request.getPath()) : null;
        MockResponse response = target.isOf(crd) && WRITES.contains(request.getMethod())
                ? admission.handle(request, target, before) : store.dispatch(request);
        // only a DELETE, or a write to an object marked for deletion (its last finalizer removed), deletes
        if (before != null && ("DELETE".equals(request.getMethod()) || before.path("metadata").hasNonNull("deletionTimestamp"))) {
            watches.noteIfDeleted(target, before);
        }
        if (collectionBefore != null) {
            collectionBefore.path("items").forEach(item -> watches.noteIfDeleted(itemOf(target, item), item));
        }
        return get ? table(request, target, response) : response;
    }

    private static ResourcePath itemOf(ResourcePath collection, JsonNode item) {
        String namespace = item.at("/metadata/namespace").asText(null);
        return new ResourcePath(collection.groupVersion(), namespace, collection.plural(),
                item.at("/metadata/name").asText(), null, "");
    }

    /** Stores {@code object} without admission: an object written before the CRD had its current rules. */
    public void storeUnchecked(String namespace, JsonNode object) {
        store.send(io.fabric8.mockwebserver.dsl.HttpMethod.POST,
                "/apis/" + crd.groupVersion() + "/namespaces/" + namespace + "/" + crd.plural(), object);
    }

    /** Calls {@code listener} with each custom resource admitted, before it is stored and watchers see it. */
    public void onAdmitted(java.util.function.Consumer<JsonNode> listener) {
        admission.onAdmitted(listener);
    }

    @Override
    public void shutdown() {
        store.shutdown();
    }

    private MockResponse table(RecordedRequest request, ResourcePath target, MockResponse response) {
        if (response.code() != 200 || !ReadViews.wantsTable(request.getHeader("Accept"))) {
            return response;
        }
        return Store.json(200, views.table(target, Store.body(response)));
    }
}
