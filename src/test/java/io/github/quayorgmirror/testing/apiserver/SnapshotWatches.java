package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches over plain HTTP (kubectl's; fabric8 clients use WebSockets, which the CRUD mock serves). The mock
 * server cannot stream a response, so each watch answers with what changed since its resourceVersion, or
 * after a second with nothing, and ends; clients such as kubectl's reflector then watch again from the last
 * version they saw. Deletions are remembered as tombstones so that {@code kubectl wait --for=delete} sees them.
 */
final class SnapshotWatches {

    private static final long QUIET_WATCH_MILLIS = 1500;

    private record Tombstone(String collection, String name, long resourceVersion, JsonNode object) {
    }

    private final Store store;
    private final LongSupplier nextResourceVersion;
    private final List<Tombstone> tombstones = new CopyOnWriteArrayList<>();

    SnapshotWatches(Store store, LongSupplier nextResourceVersion) {
        this.store = store;
        this.nextResourceVersion = nextResourceVersion;
    }

    static boolean isHttpWatch(ResourcePath target, String upgradeHeader) {
        String watch = target.parameter("watch");
        return ("true".equals(watch) || "1".equals(watch)) && !"websocket".equalsIgnoreCase(upgradeHeader);
    }

    /** Remembers that the object at {@code target} was deleted, if it is gone now. */
    void noteIfDeleted(ResourcePath target, JsonNode before) {
        if (before != null && target.name() != null && store.get(target.item()) == null) {
            ObjectNode object = before.deepCopy();
            long version = nextResourceVersion.getAsLong();
            object.withObjectProperty("metadata").put("resourceVersion", String.valueOf(version));
            tombstones.add(new Tombstone(target.collection(), target.name(), version, object));
        }
    }

    MockResponse answer(ResourcePath target) {
        long since = versionOf(target.parameter("resourceVersion"));
        String nameSelected = nameSelector(target.parameter("fieldSelector"));
        StringBuilder events = new StringBuilder();
        JsonNode list = store.get(target.collection() + "?" + listQuery(target));
        if (list != null) {
            for (JsonNode item : list.path("items")) {
                long version = versionOf(item.at("/metadata/resourceVersion").asText());
                if ((nameSelected == null || nameSelected.equals(item.at("/metadata/name").asText())) && version > since) {
                    append(events, since <= 0 ? "ADDED" : "MODIFIED", item);
                }
            }
        }
        for (Tombstone tombstone : tombstones) {
            boolean sameCollection = tombstone.collection().equals(target.collection())
                    || target.namespace() == null && tombstone.collection().endsWith("/" + target.plural());
            if (sameCollection && since > 0 && tombstone.resourceVersion() > since
                    && (nameSelected == null || nameSelected.equals(tombstone.name()))) {
                append(events, "DELETED", tombstone.object());
            }
        }
        MockResponse response = new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(events.toString());
        return events.length() == 0 ? response.setBodyDelay(QUIET_WATCH_MILLIS, TimeUnit.MILLISECONDS) : response;
    }

    private static void append(StringBuilder events, String type, JsonNode object) {
        ObjectNode event = Store.JSON.createObjectNode().put("type", type);
        event.set("object", object);
        events.append(event).append('\n');
    }

    private static String listQuery(ResourcePath target) {
        StringBuilder query = new StringBuilder();
        for (String pair : target.query().split("&")) {
            String key = pair.split("=", 2)[0];
            if (key.equals("labelSelector") || key.equals("fieldSelector")) {
                query.append(query.length() == 0 ? "" : "&").append(pair);
            }
        }
        return query.toString();
    }

    private static String nameSelector(String fieldSelector) {
        if (fieldSelector == null) {
            return null;
        }
        for (String term : fieldSelector.split(",")) {
            if (term.startsWith("metadata.name=")) {
                return term.substring("metadata.name=".length());
            }
        }
        return null;
    }

    private static long versionOf(String resourceVersion) {
        try {
            return resourceVersion == null || resourceVersion.isEmpty() ? 0 : Long.parseLong(resourceVersion);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
