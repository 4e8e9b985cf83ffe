package io.github.quayorgmirror.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Keys waiting for their time, at most one entry per key. Not thread-safe: {@link KeyedWorkQueue} guards it with its
 * lock. Times are {@link System#nanoTime()} values, so they are compared by subtraction.
 */
final class DelayedKeys {

    private record Entry(String key, long dueNanos) {
    }

    private final Map<String, Long> dueByKey = new HashMap<>();
    private final PriorityQueue<Entry> byDue =
            new PriorityQueue<>((a, b) -> Long.signum(a.dueNanos() - b.dueNanos()));

    /** Schedules the key; when it is already waiting, the earlier of the two times wins. */
    void schedule(String key, long dueNanos) {
        Long existing = dueByKey.get(key);
        if (existing != null) {
            if (existing - dueNanos <= 0) {
                return;
            }
            byDue.remove(new Entry(key, existing));
        }
        dueByKey.put(key, dueNanos);
        byDue.add(new Entry(key, dueNanos));
    }

    void cancel(String key) {
        Long existing = dueByKey.remove(key);
        if (existing != null) {
            byDue.remove(new Entry(key, existing));
        }
    }

    /** Removes and returns the keys whose time has come, earliest first. */
    List<String> takeDue(long nowNanos) {
        List<String> due = new ArrayList<>();
        while (!byDue.isEmpty() && byDue.peek().dueNanos() - nowNanos <= 0) {
            Entry entry = byDue.poll();
            dueByKey.remove(entry.key());
            due.add(entry.key());
        }
        return due;
    }

    /** Nanoseconds until the earliest key is due; {@link Long#MAX_VALUE} when nothing waits. */
    long nanosUntilNextDue(long nowNanos) {
        Entry next = byDue.peek();
        return next == null ? Long.MAX_VALUE : Math.max(0, next.dueNanos() - nowNanos);
    }

    int size() {
        return dueByKey.size();
    }

    void clear() {
        dueByKey.clear();
        byDue.clear();
    }
}
