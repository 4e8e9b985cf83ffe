package io.github.quayorgmirror.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Stands for the reconcile route: records every run and how runs overlapped, and acts as told per key. */
final class ReconcileRecorder implements Processor {

    /** What the reconcile of one key does on its n-th attempt (1-based). */
    @FunctionalInterface
    interface Behaviour {
        void onAttempt(int attempt, Exchange exchange) throws Exception;
    }

    record Run(long startNanos, Object body, String keyHeader, String threadName) {
    }

    private final Map<String, List<Run>> runs = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runningPerKey = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    void behave(String key, Behaviour behaviour) {
        behaviours.put(key, behaviour);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String key = exchange.getMessage().getHeader(WorkQueueConstants.KEY, String.class);
        List<Run> runsOfKey = runs.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        runsOfKey.add(new Run(System.nanoTime(), exchange.getMessage().getBody(), key,
                Thread.currentThread().getName()));
        AtomicInteger runningOfKey = runningPerKey.computeIfAbsent(key, k -> new AtomicInteger());
        if (runningOfKey.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            behaviours.getOrDefault(key, (attempt, ex) -> { }).onAttempt(runsOfKey.size(), exchange);
        } finally {
            running.decrementAndGet();
            runningOfKey.decrementAndGet();
        }
    }

    List<Run> runs(String key) {
        return runs.getOrDefault(key, List.of());
    }

    /** Milliseconds between the starts of consecutive runs of the key. */
    List<Long> gapsMillis(String key) {
        List<Run> ofKey = runs(key);
        return IntStream.range(1, ofKey.size())
                .mapToObj(i -> (ofKey.get(i).startNanos() - ofKey.get(i - 1).startNanos()) / 1_000_000)
                .toList();
    }

    int running() {
        return running.get();
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    int overlaps() {
        return overlaps.get();
    }
}
