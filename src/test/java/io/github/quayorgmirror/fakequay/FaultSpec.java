package io.github.quayorgmirror.fakequay;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected failure for {@link FakeQuay#failNext}: which requests it hits (path, optionally method),
 * how often, and what happens (delay, then a status answer or a dropped connection). A spec with
 * only a delay lets the request through afterwards.
 */
public final class FaultSpec {

    final String path;
    String method;
    int times = 1;
    int status;
    Integer retryAfterSeconds;
    String location;
    Duration delay = Duration.ZERO;
    boolean dropConnection;
    String body;
    boolean afterProcessing;

    private FaultSpec(String path) {
        this.path = path;
    }

    /** Matches requests whose path (without query) equals {@code path}; {@code "*"} matches every path. */
    public static FaultSpec forPath(String path) {
        return new FaultSpec(Objects.requireNonNull(path, "path"));
    }

    public FaultSpec method(String httpMethod) {
        this.method = httpMethod;
        return this;
    }

    public FaultSpec times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        this.times = count;
        return this;
    }

    public FaultSpec status(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    public FaultSpec retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** A {@code Location} header on the answer, as a redirect carries. */
    public FaultSpec location(String url) {
        this.location = Objects.requireNonNull(url, "url");
        return this;
    }

    public FaultSpec delay(Duration duration) {
        this.delay = Objects.requireNonNull(duration, "duration");
        return this;
    }

    /** Close the connection without sending any HTTP response. */
    public FaultSpec dropConnection() {
        this.dropConnection = true;
        return this;
    }

    /**
     * Quay carries the request out first, and only its answer is delayed or lost: a create that went through while
     * the client saw a timeout, or a read whose answer is stale by the time it arrives.
     */
    public FaultSpec afterProcessing() {
        this.afterProcessing = true;
        return this;
    }

    /** The JSON body of the injected status answer; a small {@code {"error": ...}} document by default. */
    public FaultSpec body(String json) {
        this.body = json;
        return this;
    }

    boolean matches(String requestMethod, String requestPath) {
        return (path.equals("*") || path.equals(requestPath)) && (method == null || method.equalsIgnoreCase(requestMethod));
    }

    @Override
    public String toString() {
        return "FaultSpec[" + (method == null ? "*" : method) + " " + path + " x" + times + ", status=" + status
                + ", delay=" + delay + ", drop=" + dropConnection + ", afterProcessing=" + afterProcessing + "]";
    }
}
