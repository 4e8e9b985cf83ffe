package io.github.quayorgmirror.fakequay;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One incoming request as the handlers see it: parsed query, body, path parameters and the caller. */
final class ApiRequest {

    final String method;
    final String path;
    final String rawQuery;
    final Headers headers;
    final byte[] body;
    final Map<String, String> query;
    List<String> pathParams = List.of();
    Caller caller = Caller.ANONYMOUS;
    Sessions.Session session;

    ApiRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.query = parseQuery(rawQuery);
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** Every Cookie header joined, as a cookie jar may send several. */
    String cookies() {
        List<String> all = headers.get("Cookie");
        return all == null ? null : String.join("; ", all);
    }

    String param(int index) {
        return pathParams.get(index);
    }

    boolean isReadOnlyMethod() {
        return method.equals("GET") || method.equals("HEAD");
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            out.putIfAbsent(key, kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }
}
