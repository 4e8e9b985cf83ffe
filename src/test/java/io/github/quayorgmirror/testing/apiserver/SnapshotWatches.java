package io.github.quayorgmirror.testing.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches over plain HTTP (kubectl's; fabric8 clients use WebSockets, which the CRUD mock serves). The mock
 * server cannot stream a response, so each watch answers with what changed since its resourceVersion, or
 * after a second with nothing, and ends; clients such as kubectl's reflector then watch again from the last
 * version they saw. Deletions are remembered as tombstones so that {@code kubectl wait --for=delete} sees them,
 * and so that a WebSocket watch resumed from a resourceVersion hears of the deletions it missed.
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
        deletedSince(target).forEach(object -> append(events, "DELETED", object));
        MockResponse response = new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(events.toString());
        return events.length() == 0 ? response.setBodyDelay(QUIET_WATCH_MILLIS, TimeUnit.MILLISECONDS) : response;
    }

    /**
     * The objects deleted since the watch's resourceVersion (none without one), as DELETED events. The mock
     * resumes a WebSocket watch by replaying what is stored as ADDED, which cannot tell a client what went
     * meanwhile: a fabric8 informer ends its watch every 5 to 10 minutes and watches again from the last
     * version it saw, so the deletions between the two watches were lost and the objects stayed in its cache.
     */
    MockResponse resumeWebSocketWatch(ResourcePath target, MockResponse response) {
        WebSocketListener watch = response.getWebSocketListener();
        List<JsonNode> deleted = deletedSince(target);
        if (watch == null || deleted.isEmpty()) {
            return response;
        }
        return response.withWebSocketUpgrade(new ForwardingWebSocketListener(watch) {
            @Override
            public void onOpen(WebSocket webSocket, Response upgrade) {
                deleted.forEach(object -> webSocket.send(event("DELETED", object)));
                // then the mock's replay of what is stored: an object deleted and created again ends up stored
                super.onOpen(webSocket, upgrade);
            }
        });
    }

    private List<JsonNode> deletedSince(ResourcePath target) {
        long since = versionOf(target.parameter("resourceVersion"));
        String nameSelected = nameSelector(target.parameter("fieldSelector"));
        List<JsonNode> deleted = new ArrayList<>();
        for (Tombstone tombstone : tombstones) {
            boolean sameCollection = tombstone.collection().equals(target.collection())
                    || target.namespace() == null && tombstone.collection().endsWith("/" + target.plural());
            if (sameCollection && since > 0 && tombstone.resourceVersion() > since
                    && (nameSelected == null || nameSelected.equals(tombstone.name()))) {
                deleted.add(tombstone.object());
            }
        }
        return deleted;
    }

    private static void append(StringBuilder events, String type, JsonNode object) {
        events.append(event(type, object)).append('\n');
    }

    private static String event(String type, JsonNode object) {
        ObjectNode event = Store.JSON.createObjectNode().put("type", type);
        event.set("object", object);
        return event.toString();
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
