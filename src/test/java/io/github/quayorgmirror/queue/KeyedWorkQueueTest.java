package io.github.quayorgmirror.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration AN_HOUR = Duration.ofHours(1);

    private final KeyedWorkQueue queue =
            new KeyedWorkQueue(new ExponentialBackoff(Duration.ofMillis(40), Duration.ofMillis(200)));
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        queue.shutDown();
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void collapsesEventsForAQueuedKeyIntoOneRun() throws InterruptedException {
        queue.add("ns/a");
        queue.add("ns/b");
        queue.add("ns/a");
        queue.add("ns/a");

        assertThat(queue.depth()).isEqualTo(2);
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/b");
        assertThat(queue.poll(NO_WAIT)).isNull();
        assertThat(queue.inFlight()).isEqualTo(2);
    }

    @Test
    void showsTheNextReadyKeysInTheOrderTheyWillBeHandedOut() throws InterruptedException {
        queue.add("ns/a");
        queue.add("ns/b");
        queue.add("ns/c");
        queue.add("ns/d");
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");

        assertThat(queue.nextReady(2)).containsExactly("ns/b", "ns/c");
        assertThat(queue.nextReady(10)).as("the key in flight is not waiting").containsExactly("ns/b", "ns/c", "ns/d");
        assertThat(queue.depth()).as("looking takes nothing").isEqualTo(3);
    }

    @Test
    void runsAKeyAddedDuringItsRunExactlyOnceMoreAfterIt() throws InterruptedException {
        queue.add("ns/a");
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");

        queue.add("ns/a");
        queue.add("ns/a");
        assertThat(queue.poll(NO_WAIT)).as("not handed out while in flight").isNull();
        assertThat(queue.depth()).isZero();

        queue.done("ns/a");
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");
        queue.done("ns/a");
        assertThat(queue.poll(NO_WAIT)).isNull();
        assertThat(queue.processedCount()).isEqualTo(2);
    }

    @Test
    void neverRunsOneKeyTwiceAtOnceUnderLoadAndLosesNoEvent() {
        KeyLoad load = new KeyLoad(queue, List.of("ns/a", "ns/b", "ns/c", "ns/d", "ns/e"));
        for (int i = 0; i < 8; i++) {
            threads.execute(load::work);
        }
        List<CompletableFuture<Void>> producers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            producers.add(CompletableFuture.runAsync(() -> load.produce(1500), threads));
        }
        CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).join();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> queue.depth() == 0 && queue.inFlight() == 0 && load.everyKeyStartedAfterItsLastAdd());
        assertThat(load.overlaps()).as("runs of one key that overlapped").isZero();
        assertThat(load.maxConcurrent()).as("different keys ran in parallel").isGreaterThan(1);
        assertThat(queue.processedCount()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void backoffDoublesUpToItsMaximumAndRestartsAfterForget() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(queue.requeueWithBackoff("ns/a"));
        }
        assertThat(delays).containsExactly(Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(160),
                Duration.ofMillis(200), Duration.ofMillis(200));
        assertThat(queue.failureCount("ns/a")).isEqualTo(5);

        queue.forget("ns/a");

        assertThat(queue.failureCount("ns/a")).isZero();
        assertThat(queue.requeueWithBackoff("ns/a")).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void backoffStaysAtItsMaximumForAnyNumberOfFailures() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failedKeyComesBackOnlyAfterItsBackoff() throws InterruptedException {
        queue.add("ns/a");
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");
        Duration delay = queue.requeueWithBackoff("ns/a");
        queue.done("ns/a");
        long failedAt = System.nanoTime();

        assertThat(queue.delayedCount()).isEqualTo(1);
        assertThat(queue.poll(NO_WAIT)).isNull();
        assertThat(queue.poll(Duration.ofSeconds(10))).isEqualTo("ns/a");
        assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).isGreaterThanOrEqualTo(delay);
        assertThat(queue.delayedCount()).isZero();
    }

    @Test
    void addAfterHandsTheKeyOutWhenItsTimeComesAndTheEarliestTimeWins() throws InterruptedException {
        long scheduledAt = System.nanoTime();
        queue.addAfter("ns/a", AN_HOUR);
        queue.addAfter("ns/a", Duration.ofMillis(100));

        assertThat(queue.delayedCount()).isEqualTo(1);
        assertThat(queue.depth()).isZero();
        assertThat(queue.poll(Duration.ofSeconds(10))).isEqualTo("ns/a");
        assertThat(Duration.ofNanos(System.nanoTime() - scheduledAt)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(queue.lastWaitTime()).as("the planned delay is not counted as waiting")
                .isLessThan(Duration.ofMillis(100));
    }

    @Test
    void addAfterOfAKeyAlreadyQueuedAddsNothing() {
        queue.add("ns/a");
        queue.addAfter("ns/a", AN_HOUR);

        assertThat(queue.delayedCount()).isZero();
        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    void immediateAddOverridesADelayedRequeue() throws InterruptedException {
        queue.addAfter("ns/a", AN_HOUR);
        queue.add("ns/a");

        assertThat(queue.delayedCount()).isZero();
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");
    }

    @Test
    void immediateAddDuringARunOverridesTheRequeueThatRunAskedFor() throws InterruptedException {
        queue.add("ns/a");
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");
        queue.addAfter("ns/a", AN_HOUR);
        queue.add("ns/a");
        queue.done("ns/a");

        assertThat(queue.delayedCount()).isZero();
        assertThat(queue.poll(NO_WAIT)).isEqualTo("ns/a");
    }

    @Test
    void reportsTheWaitOfEveryKeyHandedOut() throws InterruptedException {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        queue.setWaitTimeListener(waits::add);
        queue.add("ns/a");
        queue.add("ns/b");

        queue.poll(NO_WAIT);
        queue.poll(NO_WAIT);

        assertThat(waits).hasSize(2).allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ZERO));
        assertThat(queue.lastWaitTime()).isEqualTo(waits.get(1));
    }

    @Test
    void shutDownReleasesWaitingWorkersAndDropsPendingKeys() {
        CompletableFuture<String> waitingWorker = new CompletableFuture<>();
        Thread worker = new Thread(() -> waitingWorker.complete(takeQuietly()), "waiting-worker");
        worker.start();
        queue.addAfter("ns/delayed", AN_HOUR);
        await().until(() -> worker.getState() == Thread.State.TIMED_WAITING);

        queue.shutDown();

        assertThat(waitingWorker).succeedsWithin(Duration.ofSeconds(10)).isNull();
        assertThat(queue.delayedCount()).isZero();
        queue.add("ns/late");
        queue.addAfter("ns/late", AN_HOUR);
        assertThat(queue.depth()).isZero();
        assertThat(queue.delayedCount()).isZero();
        assertThat(queue.isShutDown()).isTrue();
    }

    private String takeQuietly() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
