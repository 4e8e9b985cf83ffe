package io.github.quayorgmirror.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.github.quayorgmirror.testing.apiserver.ForwardingWebSocketListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the mock's dispatcher to do what the CRUD mock never does by itself: refuse requests on a
 * path, end a watch with a 410 Gone ERROR event (as a real API server does when the watched
 * resourceVersion is too old), hold back watch events (a slow watch, so a client's cache lags behind
 * its own writes), answer requests on a path late (a slow API server), and record the requests and count the open watches per path (query left out).
 */
final class FaultInjectingDispatcher extends Dispatcher {

    private final Dispatcher delegate;
    private final Map<String, Integer> refusedPaths = new ConcurrentHashMap<>();
    private final Map<String, int[]> refusedNext = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusedFrom = new ConcurrentHashMap<>();
    private final Set<String> watchesToExpire = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> openWatches = new ConcurrentHashMap<>();
    private final Map<String, HeldWatchEvents> heldEvents = new ConcurrentHashMap<>();
    private final Map<String, Duration> delayedResponses = new ConcurrentHashMap<>();
    /** Only for the requests asked for: a benchmark sends hundreds of thousands. */
    private final Map<String, List<String>> recordedBodies = new ConcurrentHashMap<>();
    private final Map<String, List<String>> journal = new ConcurrentHashMap<>();
    /** Per User-Agent; not copy-on-write: a benchmark records hundreds of thousands of requests. */
    private final Map<String, List<String>> requestsByAgent = new ConcurrentHashMap<>();

    FaultInjectingDispatcher(Dispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requestsByAgent.computeIfAbsent(String.valueOf(request.getHeader("User-Agent")),
                agent -> Collections.synchronizedList(new ArrayList<>())).add(request.getMethod() + " " + request.getPath());
        String path = request.getPath().split("\\?", 2)[0];
        List<String> bodies = recordedBodies.get(request.getMethod() + " " + path);
        if (bodies != null) {
            bodies.add(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
        }
        boolean watch = request.getPath().contains("watch=true");
        Integer refusal = refusedPaths.containsKey(path) ? refusedPaths.get(path)
                : refusedFrom.get(request.getHeader("User-Agent") + " " + path);
        if (refusal == null) {
            refusal = takeRefusal(path);
        }
        if (refusal != null) {
            record(path, "refused");
            return new MockResponse().setResponseCode(refusal).setBody(status(refusal, "Refused by the test"));
        }
        if (watch && watchesToExpire.remove(path)) {
            record(path, "watch-expired");
            return expiredWatch();
        }
        if (!watch && "GET".equals(request.getMethod())) {
            record(path, "list");
        }
        if (watch) {
            record(path, "watch");
        }
        MockResponse response = delegate.dispatch(request);
        Duration delay = delayedResponses.get(request.getMethod() + " " + path);
        if (delay != null) {
            response.setBodyDelay(delay);
        }
        if (watch && response.getWebSocketListener() != null) {
            response.withWebSocketUpgrade(new CountingListener(response.getWebSocketListener(), counter(openWatches, path),
                    held(path)));
        }
        return response;
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    void refuse(String path, int code) {
        refusedPaths.put(path, code);
    }

    void allow(String path) {
        refusedPaths.remove(path);
        refusedNext.remove(path);
        refusedFrom.keySet().removeIf(key -> key.endsWith(" " + path));
    }

    /** Refuses the requests on {@code path} of the clients with this User-Agent only, until {@link #allow}. */
    void refuseFrom(String userAgent, String path, int code) {
        refusedFrom.put(userAgent + " " + path, code);
    }

    /** Only the next {@code times} requests on {@code path} are refused with {@code code}. */
    void refuseNext(String path, int code, int times) {
        refusedNext.put(path, new int[] {code, times});
    }

    private Integer takeRefusal(String path) {
        int[][] taken = new int[1][];
        refusedNext.computeIfPresent(path, (key, codeAndTimes) -> {
            taken[0] = codeAndTimes;
            return codeAndTimes[1] > 1 ? new int[] {codeAndTimes[0], codeAndTimes[1] - 1} : null;
        });
        return taken[0] == null ? null : taken[0][0];
    }

    /** From now on, the bodies of the {@code method} requests on {@code path} are kept ({@link #requestBodies}). */
    void recordRequestBodies(String method, String path) {
        recordedBodies.putIfAbsent(method + " " + path, new CopyOnWriteArrayList<>());
    }

    /** The bodies kept of the {@code method} requests on {@code path}, in order. */
    List<String> requestBodies(String method, String path) {
        return List.copyOf(recordedBodies.getOrDefault(method + " " + path, List.of()));
    }

    /** {@code method} requests on {@code path} are answered {@code delay} late from now on (a slow API server). */
    void delayResponses(String method, String path, Duration delay) {
        delayedResponses.put(method + " " + path, delay);
    }

    void expireNextWatch(String path) {
        watchesToExpire.add(path);
    }

    /** Watch events on {@code path} are kept back from now on, until {@link #releaseWatchEvents}. */
    void holdWatchEvents(String path) {
        held(path).hold();
    }

    /** Sends the kept-back events in their order, and lets later ones through at once. */
    void releaseWatchEvents(String path) {
        held(path).release();
    }

    int openWatches(String path) {
        return counter(openWatches, path).get();
    }

    /** What was asked on {@code path}, in order: list, watch, watch-expired, refused. */
    List<String> journal(String path) {
        return List.copyOf(journal.getOrDefault(path, List.of()));
    }

    /** Every request sent by a client with this User-Agent, as {@code METHOD path?query}, in order. */
    List<String> requestsFrom(String userAgent) {
        List<String> requests = requestsByAgent.getOrDefault(userAgent, List.of());
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests a client with this User-Agent sent so far. */
    int requestCountFrom(String userAgent) {
        return requestsByAgent.getOrDefault(userAgent, List.of()).size();
    }

    private void record(String path, String entry) {
        journal.computeIfAbsent(path, ignored -> new CopyOnWriteArrayList<>()).add(entry);
    }

    private HeldWatchEvents held(String path) {
        return heldEvents.computeIfAbsent(path, ignored -> new HeldWatchEvents());
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> counters, String path) {
        return counters.computeIfAbsent(path, ignored -> new AtomicInteger());
    }

    private static String status(int code, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code
                + ",\"message\":\"" + message + "\"}";
    }

    private static MockResponse expiredWatch() {
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                webSocket.send("{\"type\":\"ERROR\",\"object\":" + status(410, "too old resource version") + "}");
                webSocket.close(1000, "expired");
            }
        });
    }

    /** Counts a watch as open from its opening until it closes or fails, whichever side ends it. */
    private static final class CountingListener extends ForwardingWebSocketListener {
        private final AtomicInteger open;
        private final HeldWatchEvents held;
        private final AtomicBoolean ended = new AtomicBoolean();

        CountingListener(WebSocketListener delegate, AtomicInteger open, HeldWatchEvents held) {
            super(delegate);
            this.open = open;
            this.held = held;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            open.incrementAndGet();
            super.onOpen(held.around(webSocket), response);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            end();
            super.onClosed(webSocket, code, reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            end();
            super.onFailure(webSocket, failure, response);
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        }
    }
}
