package io.github.quayorgmirror.fakequay;

import java.util.ArrayList;
import java.util.List;

/** The queue of armed faults; the first armed spec matching a request is consumed once per request. */
final class Faults {

    /** What a matched spec does to this request; a copy so a spec can be re-armed meanwhile. */
    record Fault(int status, Integer retryAfterSeconds, String location, java.time.Duration delay, boolean dropConnection,
            String body, boolean afterProcessing) {
    }

    private final List<FaultSpec> armed = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();
    private int fired;

    synchronized void add(FaultSpec spec) {
        armed.add(spec);
        remaining.add(spec.times);
    }

    synchronized Fault take(String method, String path) {
        for (int i = 0; i < armed.size(); i++) {
            FaultSpec spec = armed.get(i);
            if (spec.matches(method, path)) {
                int left = remaining.get(i) - 1;
                if (left == 0) {
                    armed.remove(i);
                    remaining.remove(i);
                } else {
                    remaining.set(i, left);
                }
                fired++;
                return new Fault(spec.status, spec.retryAfterSeconds, spec.location, spec.delay, spec.dropConnection,
                        spec.body, spec.afterProcessing);
            }
        }
        return null;
    }

    /** How many requests a fault has hit so far (its delay may still be running). */
    synchronized int fired() {
        return fired;
    }

    synchronized void clear() {
        armed.clear();
        remaining.clear();
    }
}
