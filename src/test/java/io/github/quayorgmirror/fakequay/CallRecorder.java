package io.github.quayorgmirror.fakequay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Keeps every request as a {@link RecordedCall}, masking credentials before they are stored. */
final class CallRecorder {

    private static final Set<String> SECRET_FIELDS = Set.of("password", "external_registry_password");

    /** Not copy-on-write: a benchmark records hundreds of thousands of calls. */
    private final List<RecordedCall> calls = new ArrayList<>();

    void record(ApiRequest req, int status) {
        RecordedCall call = new RecordedCall(req.method, req.path, req.rawQuery, maskHeaders(req.headers),
                maskBody(req.body), status);
        synchronized (this) {
            calls.add(call);
        }
    }

    synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    synchronized int count() {
        return calls.size();
    }

    synchronized void clear() {
        calls.clear();
    }

    private static Map<String, List<String>> maskHeaders(Headers headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            List<String> masked = new ArrayList<>();
            for (String v : values) {
                masked.add(maskHeader(name, v));
            }
            out.put(name, List.copyOf(masked));
        });
        return out;
    }

    private static String maskHeader(String name, String value) {
        if (name.equalsIgnoreCase("Authorization")) {
            int space = value.indexOf(' ');
            return space < 0 ? RecordedCall.MASK : value.substring(0, space + 1) + RecordedCall.MASK;
        }
        if (name.equalsIgnoreCase("Cookie")) {
            return value.replaceAll("=([^;]*)", "=" + RecordedCall.MASK);
        }
        return name.equalsIgnoreCase("X-CSRF-Token") ? RecordedCall.MASK : value;
    }

    private static String maskBody(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        JsonNode json = Json.parseOrNull(body);
        if (json == null) {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.toLowerCase(java.util.Locale.ROOT).contains("password") ? "<unparsable body masked>" : text;
        }
        mask(json);
        return Json.write(json);
    }

    /** null and "" stay visible: they mean "clear it", which tests need to see. */
    private static boolean isSecretValue(JsonNode value) {
        return !value.isNull() && !(value.isTextual() && value.textValue().isEmpty());
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_FIELDS.contains(name) && isSecretValue(object.get(name))) {
                    object.put(name, RecordedCall.MASK);
                } else {
                    mask(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.forEach(CallRecorder::mask);
        }
    }
}
