package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The CRUD mock behind the API server, called in-process for the reads and writes admission needs. */
final class Store {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher crud;

    Store(Dispatcher crud) {
        this.crud = crud;
    }

    MockResponse dispatch(RecordedRequest request) {
        return crud.dispatch(request);
    }

    void shutdown() {
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
        return crud.dispatch(new RecordedRequest("HTTP/1.1", method, path, headers.build(), buffer));
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
