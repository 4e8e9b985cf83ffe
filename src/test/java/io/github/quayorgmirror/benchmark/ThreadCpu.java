package io.github.quayorgmirror.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of each live thread of a process, from /proc/<pid>/task/<tid>/stat and comm: where the
 * process's CPU goes, by thread group. A thread that ends takes its figures with it.
 */
record ThreadCpu(Map<Long, Sample> threads) {

    /** Before a process starts: every thread it will have starts from zero. */
    static final ThreadCpu NONE = new ThreadCpu(Map.of());
    /** The groups, in the order they are printed; "other" takes every thread the others do not name. */
    static final List<String> GROUPS = List.of("JIT", "GC/VM", "Camel", "I/O", "other");
    /** Linux's USER_HZ: the stat files count CPU time in these ticks. */
    private static final double TICKS_PER_MS = 0.1;

    /** One thread: its name (Linux keeps the first 15 characters) and its user plus system ticks so far. */
    record Sample(String name, long ticks) {
    }

    static ThreadCpu read(long pid) {
        Map<Long, Sample> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    long ticks = cpuTicks(Files.readString(task.resolve("stat")));
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(Long.valueOf(task.getFileName().toString()), new Sample(name, ticks));
                } catch (IOException threadEnded) {
                    // it ended between the listing and the read: its time is lost, as for any ended thread
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThreadCpu(threads);
    }

    /** User plus system ticks of a process's or a thread's stat file (utime and stime, fields 14 and 15). */
    static long cpuTicks(String stat) {
        // the name (field 2) may hold spaces: count the fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The milliseconds of CPU by group that the threads alive now used since {@code earlier}. */
    Map<String, Double> millisByGroupSince(ThreadCpu earlier) {
        Map<String, Double> millis = new LinkedHashMap<>();
        GROUPS.forEach(group -> millis.put(group, 0.0));
        threads.forEach((tid, now) -> {
            Sample before = earlier.threads().get(tid);
            // a thread id reused by a new thread of another name started from zero
            long since = before != null && before.name().equals(now.name()) ? before.ticks() : 0;
            millis.merge(group(now.name()), (now.ticks() - since) / TICKS_PER_MS, Double::sum);
        });
        return millis;
    }

    /** The group of a thread by its (15-character) name, as HotSpot, Camel and Vert.x name them. */
    static String group(String name) {
        if (name.startsWith("C2 CompilerThre") || name.startsWith("C1 CompilerThre")) {
            return "JIT";
        }
        if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")
                || name.startsWith("VM Periodic")) {
            return "GC/VM";
        }
        if (name.startsWith("Camel (")) {
            return "Camel";
        }
        if (name.startsWith("vert.x-eventloo")) {
            return "I/O";
        }
        return "other";
    }
}
