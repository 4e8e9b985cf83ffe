package io.github.quayorgmirror.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Adds keys from several threads and works them off from several others, recording overlaps of one key's runs. */
final class KeyLoad {

    private final KeyedWorkQueue queue;
    private final List<String> keys;
    private final Map<String, AtomicInteger> runningPerKey = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAddNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> lastStartNanos = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    KeyLoad(KeyedWorkQueue queue, List<String> keys) {
        this.queue = queue;
        this.keys = keys;
        keys.forEach(key -> runningPerKey.put(key, new AtomicInteger()));
    }

    void produce(int adds) {
        for (int i = 0; i < adds; i++) {
            String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
            // taken before add: a run that starts after the add returns must be later than this
            long before = System.nanoTime();
            queue.add(key);
            lastAddNanos.merge(key, before, Math::max);
        }
    }

    void work() {
        try {
            for (String key = queue.take(); key != null; key = queue.take()) {
                run(key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(String key) {
        lastStartNanos.merge(key, System.nanoTime(), Math::max);
        if (runningPerKey.get(key).incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
        LockSupport.parkNanos(50_000); // stands for the reconcile's work, so that runs can overlap
        running.decrementAndGet();
        runningPerKey.get(key).decrementAndGet();
        queue.done(key);
    }

    boolean everyKeyStartedAfterItsLastAdd() {
        return lastAddNanos.entrySet().stream().allMatch(
                added -> lastStartNanos.getOrDefault(added.getKey(), Long.MIN_VALUE) - added.getValue() > 0);
    }

    int overlaps() {
        return overlaps.get();
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }
}
