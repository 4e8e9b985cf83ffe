package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;

/**
 * The CRUD mock behind the API server, called in-process for the reads and writes admission needs. Scripted
 * expectations answer first, as in fabric8's {@code KubernetesMixedDispatcher}; everything else goes to its CRUD
 * dispatcher, indexed by name ({@link IndexedCrudDispatcher}).
 */
final class Store {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final Dispatcher scripted;
    private final IndexedCrudDispatcher crud = new IndexedCrudDispatcher();

    Store(Map<ServerRequest, Queue<ServerResponse>> expectations) {
        this.expectations = expectations;
        this.scripted = new MockDispatcher(expectations);
    }

    MockResponse dispatch(RecordedRequest request) {
        Queue<ServerResponse> expected = expectations.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()),
                request.getPath()));
        return expected != null && !expected.isEmpty() ? scripted.dispatch(request) : crud.dispatch(request);
    }

    /** The next resourceVersion of the store's counter, so a tombstone's version orders with the stored objects'. */
    long nextResourceVersion() {
        return crud.requestResourceVersion();
    }

    void shutdown() {
        scripted.shutdown();
        crud.shutdown();
    }

    /** The stored object or list at {@code path} (query allowed), or null when there is none. */
    JsonNode get(String path) {
        MockResponse response = send(HttpMethod.GET, path, null);
        return response.code() == 200 ? body(response) : null;
    }

    MockResponse send(HttpMethod method, String path, JsonNode body) {
        Headers.Builder headers = Headers.builder().add("Accept", "application/json");
        Buffer buffer = new Buffer();
        if (body != null) {
            headers.add("Content-Type", "application/json");
            buffer.write(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return dispatch(new RecordedRequest("HTTP/1.1", method, path, headers.build(), buffer));
    }

    static JsonNode body(MockResponse response) {
        return parse(response.getBody() == null ? "" : new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
    }

    static JsonNode parse(String json) {
        try {
            return json.isBlank() ? JSON.nullNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }
}
