package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the CRUD mock cannot answer as kubectl expects: server-side Tables (the CRD's printer columns,
 * {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}) and core/v1 Events, which a real API
 * server serves from the same storage as events.k8s.io/v1 (the controller writes the latter, {@code kubectl
 * describe} reads the former).
 */
final class ReadViews {

    private final CrdModel crd;
    private final Store store;

    ReadViews(CrdModel crd, Store store) {
        this.crd = crd;
        this.store = store;
    }

    static boolean wantsTable(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** A Table of the object or list kubectl asked for: Name, the CRD's columns (or Age for other kinds). */
    JsonNode table(ResourcePath target, JsonNode objectOrList) {
        boolean ours = target.isOf(crd);
        ObjectNode table = Store.JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", objectOrList.at("/metadata/resourceVersion").asText());
        ArrayNode columns = table.putArray("columnDefinitions");
        columns.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
                .put("description", "Name must be unique within a namespace.");
        JsonNode printerColumns = ours ? crd.printerColumns()
                : Store.parse("[{\"name\":\"Age\",\"type\":\"date\",\"jsonPath\":\".metadata.creationTimestamp\"}]");
        printerColumns.forEach(column -> columns.addObject().put("name", column.path("name").asText())
                .put("type", column.path("type").asText()).put("format", "").put("priority", column.path("priority").asInt(0))
                .put("description", column.path("description").asText("")));
        ArrayNode rows = table.putArray("rows");
        Iterable<JsonNode> objects = objectOrList.has("items") ? objectOrList.get("items") : java.util.List.of(objectOrList);
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells").add(object.at("/metadata/name").asText());
            printerColumns.forEach(column -> cells.add(cell(object, column)));
            row.set("object", object);
        }
        return table;
    }

    private static JsonNode cell(JsonNode object, JsonNode column) {
        JsonNode value = ColumnPath.first(object, column.path("jsonPath").asText());
        if (value == null) {
            return Store.JSON.nullNode();
        }
        if ("date".equals(column.path("type").asText())) {
            return Store.JSON.getNodeFactory().textNode(age(value.asText()));
        }
        return value;
    }

    /** Kubernetes' short human duration: 45s, 3m12s, 5h, 2d. */
    static String age(String timestamp) {
        Duration age;
        try {
            age = Duration.between(Instant.parse(timestamp), Instant.now());
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        if (seconds < 3 * 3600) {
            return seconds / 60 + "m";
        }
        return seconds < 48 * 3600 ? seconds / 3600 + "h" : seconds / 86400 + "d";
    }

    /** The core/v1 Events of a namespace: those stored as such and the events.k8s.io/v1 ones, filtered as asked. */
    JsonNode coreEvents(ResourcePath target) {
        ObjectNode list = Store.JSON.createObjectNode().put("kind", "EventList").put("apiVersion", "v1");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        String namespacePath = target.namespace() == null ? "" : "/namespaces/" + target.namespace();
        JsonNode core = store.get("/api/v1" + namespacePath + "/events");
        JsonNode modern = store.get("/apis/events.k8s.io/v1" + namespacePath + "/events");
        String selector = target.parameter("fieldSelector");
        if (core != null) {
            core.path("items").forEach(event -> addIfSelected(items, event, selector));
        }
        if (modern != null) {
            modern.path("items").forEach(event -> addIfSelected(items, toCore(event), selector));
        }
        return list;
    }

    private static void addIfSelected(ArrayNode items, JsonNode event, String selector) {
        if (selector != null && !selector.isEmpty()) {
            for (String term : selector.split(",")) {
                String[] keyValue = term.split("=", 2);
                String field = keyValue[0].replace("involvedObject.", "/involvedObject/").replace("metadata.", "/metadata/");
                if (keyValue.length == 2 && !keyValue[1].equals(event.at(field.startsWith("/") ? field : "/" + field).asText())) {
                    return;
                }
            }
        }
        items.add(event);
    }

    private static JsonNode toCore(JsonNode event) {
        ObjectNode core = Store.JSON.createObjectNode().put("kind", "Event").put("apiVersion", "v1");
        core.set("metadata", event.path("metadata"));
        core.set("involvedObject", event.path("regarding"));
        core.put("reason", event.path("reason").asText()).put("message", event.path("note").asText())
                .put("type", event.path("type").asText());
        core.putObject("source").put("component", event.path("reportingController").asText());
        String time = event.path("eventTime").asText(event.at("/metadata/creationTimestamp").asText());
        core.put("firstTimestamp", event.path("deprecatedFirstTimestamp").asText(time));
        core.put("lastTimestamp", event.at("/series/lastObservedTime").asText(event.path("deprecatedLastTimestamp").asText(time)));
        core.put("count", event.at("/series/count").asInt(event.path("deprecatedCount").asInt(1)));
        return core;
    }
}
