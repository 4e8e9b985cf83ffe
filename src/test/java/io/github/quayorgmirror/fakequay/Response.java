package io.github.quayorgmirror.fakequay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One HTTP answer of the fake, built by a handler and written by {@link ExchangeHandler}. */
record Response(int status, Map<String, List<String>> headers, byte[] body) {

    static Response json(int status, Object value) {
        // flask-restful ends every JSON document with a newline
        return jsonText(status, Json.write(value) + "\n");
    }

    static Response jsonText(int status, String json) {
        return new Response(status, new LinkedHashMap<>(), json.getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", "application/json");
    }

    static Response empty(int status) {
        return new Response(status, new LinkedHashMap<>(), new byte[0]);
    }

    static Response html(int status, String html) {
        return new Response(status, new LinkedHashMap<>(), html.getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", "text/html; charset=utf-8");
    }

    Response withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, List.copyOf(values));
        return new Response(status, copy, body);
    }
}
