package io.github.quayorgmirror.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keys ({@code namespace/name}) waiting for a reconcile, after client-go's workqueue: a key is queued at most once,
 * a key is never handed out twice at once (added while in flight, it runs once more after {@link #done}), failed keys
 * come back after a per-key exponential backoff, and {@link #addAfter} schedules a later check that an immediate
 * {@link #add} overrides. Workers call {@link #poll}, then {@link #done}.
 */
public final class KeyedWorkQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Keys that need a reconcile: queued, or marked while in flight. */
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> inFlight = new HashSet<>();
    /** Keys ready to run, in arrival order, with the nanoTime they became ready. */
    private final Map<String, Long> ready = new LinkedHashMap<>();
    private final DelayedKeys delayed = new DelayedKeys();
    private final Map<String, Integer> failures = new HashMap<>();
    private volatile ExponentialBackoff backoff;
    private volatile Consumer<Duration> waitTimeListener = wait -> { };
    private volatile Duration lastWaitTime = Duration.ZERO;
    private long processed;
    private boolean shutDown;

    public KeyedWorkQueue(ExponentialBackoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** Queues the key to run now; a delayed requeue of the same key is dropped, as this run replaces it. */
    public void add(String key) {
        Objects.requireNonNull(key, "key");
        withLock(() -> {
            delayed.cancel(key);
            markDirty(key, System.nanoTime());
        });
    }

    /** Queues the key after the delay, unless it is already due to run; the earliest pending time wins. */
    public void addAfter(String key, Duration delay) {
        Objects.requireNonNull(key, "key");
        if (delay.isNegative() || delay.isZero()) {
            add(key);
            return;
        }
        withLock(() -> {
            if (!shutDown && !dirty.contains(key)) {
                delayed.schedule(key, System.nanoTime() + delay.toNanos());
                changed.signalAll();
            }
        });
    }

    /** Counts one more failure of the key and queues it after the backoff for that count; returns the delay. */
    public Duration requeueWithBackoff(String key) {
        lock.lock();
        try {
            Duration delay = backoff.delayAfter(failures.merge(key, 1, Integer::sum));
            addAfter(key, delay);
            return delay;
        } finally {
            lock.unlock();
        }
    }

    /** Resets the key's failure count: its next failure waits the initial backoff again. */
    public void forget(String key) {
        withLock(() -> failures.remove(key));
    }

    /**
     * Hands out the next ready key, marking it in flight, waiting at most {@code maxWait}. Returns {@code null} on
     * timeout or once the queue is shut down.
     */
    public String poll(Duration maxWait) throws InterruptedException {
        return pollNanos(maxWait.toNanos());
    }

    /** Like {@link #poll} without a time limit: {@code null} only once the queue is shut down. */
    public String take() throws InterruptedException {
        return pollNanos(Long.MAX_VALUE);
    }

    private String pollNanos(long maxWaitNanos) throws InterruptedException {
        long remaining = maxWaitNanos;
        String key;
        Duration waited;
        lock.lockInterruptibly();
        try {
            while (true) {
                if (shutDown) {
                    return null;
                }
                long now = System.nanoTime();
                delayed.takeDue(now).forEach(due -> markDirty(due, now));
                if (!ready.isEmpty()) {
                    Iterator<Map.Entry<String, Long>> first = ready.entrySet().iterator();
                    Map.Entry<String, Long> next = first.next();
                    first.remove();
                    key = next.getKey();
                    waited = Duration.ofNanos(now - next.getValue());
                    break;
                }
                if (remaining <= 0) {
                    return null;
                }
                long waitFor = Math.min(remaining, delayed.nanosUntilNextDue(now));
                remaining -= waitFor - changed.awaitNanos(waitFor);
            }
            dirty.remove(key);
            inFlight.add(key);
        } finally {
            lock.unlock();
        }
        lastWaitTime = waited;
        waitTimeListener.accept(waited);
        return key;
    }

    /** Ends the key's run; if it was added meanwhile it is queued again now. */
    public void done(String key) {
        withLock(() -> {
            if (inFlight.remove(key)) {
                processed++;
                if (dirty.contains(key) && !shutDown) {
                    ready.put(key, System.nanoTime());
                    changed.signalAll();
                }
            }
        });
    }

    /** Releases waiting workers and drops every queued and delayed key; later adds are ignored. */
    public void shutDown() {
        withLock(() -> {
            shutDown = true;
            ready.clear();
            delayed.clear();
            dirty.clear();
            changed.signalAll();
        });
    }

    public void setBackoff(ExponentialBackoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    public ExponentialBackoff backoff() {
        return backoff;
    }

    /** Called with the time from "ready" to "handed out" for every key handed out, outside the queue's lock. */
    public void setWaitTimeListener(Consumer<Duration> listener) {
        this.waitTimeListener = Objects.requireNonNull(listener, "listener");
    }

    public Duration lastWaitTime() {
        return lastWaitTime;
    }

    /** Keys ready to run now. */
    public int depth() {
        return read(ready::size);
    }

    /** The first {@code limit} keys ready to run, in the order they will be handed out: O(limit). */
    public List<String> nextReady(int limit) {
        return read(() -> {
            List<String> next = new ArrayList<>(Math.min(limit, ready.size()));
            Iterator<String> keys = ready.keySet().iterator();
            while (next.size() < limit && keys.hasNext()) {
                next.add(keys.next());
            }
            return next;
        });
    }

    /** Keys waiting for a delayed requeue (backoff or "check again later"). */
    public int delayedCount() {
        return read(delayed::size);
    }

    public int inFlight() {
        return read(inFlight::size);
    }

    public long processedCount() {
        return read(() -> processed);
    }

    public int failureCount(String key) {
        return read(() -> failures.getOrDefault(key, 0));
    }

    public boolean isShutDown() {
        return read(() -> shutDown);
    }

    /** Under the lock: the key needs a run; it is queued unless already queued or in flight. */
    private void markDirty(String key, long nowNanos) {
        if (shutDown || !dirty.add(key) || inFlight.contains(key)) {
            return;
        }
        ready.put(key, nowNanos);
        changed.signalAll();
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(Supplier<T> value) {
        lock.lock();
        try {
            return value.get();
        } finally {
            lock.unlock();
        }
    }
}
