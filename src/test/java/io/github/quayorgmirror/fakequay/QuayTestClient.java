package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** A plain JDK HttpClient speaking to the fake the way a Quay client would (not our production code). */
final class QuayTestClient {

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.parseOrNull(body.getBytes(StandardCharsets.UTF_8));
        }

        String errorMessage() {
            return json().path("error_message").asText();
        }
    }

    private final HttpClient http;
    private final URI base;
    private String bearer;
    private String csrfToken;

    QuayTestClient(FakeQuay quay) {
        this(quay.baseUri(), HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    QuayTestClient(URI base, SSLContext sslContext) {
        this(base, HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(5)).build());
    }

    private QuayTestClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    QuayTestClient bearer(String token) {
        this.bearer = token;
        return this;
    }

    QuayTestClient csrf(String token) {
        this.csrfToken = token;
        return this;
    }

    /** The session flow of §3.2: /csrf_token, then signin; later calls carry the new CSRF token. */
    Reply signIn(String username, String password) throws IOException {
        csrfToken = get("/csrf_token").json().get("csrf_token").asText();
        Reply reply = post("/api/v1/signin", "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
        reply.headers().firstValue("X-Next-CSRF-Token").ifPresent(next -> csrfToken = next);
        return reply;
    }

    String csrfToken() {
        return csrfToken;
    }

    Reply get(String path) throws IOException {
        return send(request(path).GET());
    }

    Reply post(String path, String json) throws IOException {
        return send(request(path).POST(body(json)));
    }

    Reply put(String path, String json) throws IOException {
        return send(request(path).PUT(body(json)));
    }

    Reply delete(String path) throws IOException {
        return send(request(path).DELETE());
    }

    /** {@code headers} are name, value pairs replacing the defaults. */
    Reply send(String method, String path, String json, String... headers) throws IOException {
        HttpRequest.Builder b = request(path).method(method, body(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (csrfToken != null) {
            b.header("X-CSRF-Token", csrfToken);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder b) throws IOException {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
