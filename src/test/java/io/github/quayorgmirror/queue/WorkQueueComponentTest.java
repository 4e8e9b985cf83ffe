package io.github.quayorgmirror.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.NoSuchHeaderException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueComponentTest extends CamelTestSupport {

    private static final String CONSUMER_URI = "workqueue:test?parallelism=3&backoffInitial=50ms&backoffMax=200ms";

    private final ReconcileRecorder reconciles = new ReconcileRecorder();
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:enqueue").routeId("enqueue").to("workqueue:test");
                from(CONSUMER_URI).routeId("reconcile").process(reconciles);
            }
        };
    }

    @AfterEach
    void openGate() {
        gate.countDown();
    }

    @Test
    void deliversEachEnqueuedKeyAsBodyAndHeaderOnANamedWorkerThread() {
        enqueue("ns/a");

        await().until(() -> reconciles.runs("ns/a").size() == 1);
        ReconcileRecorder.Run run = reconciles.runs("ns/a").get(0);
        assertThat(run.body()).isEqualTo("ns/a");
        assertThat(run.keyHeader()).isEqualTo("ns/a");
        assertThat(run.threadName()).contains("WorkQueue-test");
        await().until(() -> queue().processedCount() == 1);
    }

    @Test
    void sharesOneQueuePerNameAndBindsItInTheRegistry() {
        KeyedWorkQueue bound = context.getRegistry().lookupByNameAndType("workQueue-test", KeyedWorkQueue.class);

        assertThat(bound).isSameAs(queue());
        assertThat(bound.backoff())
                .isEqualTo(new ExponentialBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    @Test
    void rejectsAMessageWithoutKey() {
        Exchange sent = template.send("direct:enqueue", exchange -> exchange.getMessage().setBody("no key"));

        assertThat(sent.getException()).isInstanceOf(NoSuchHeaderException.class)
                .hasMessageContaining(WorkQueueConstants.KEY);
        assertThat(queue().depth()).isZero();
    }

    @Test
    void rejectsAnEndpointThatContradictsTheQueuesBackoff() {
        assertThatThrownBy(() -> context.getEndpoint("workqueue:test?backoffInitial=2s"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("already has backoff");
        assertThatThrownBy(() -> context.getEndpoint("workqueue:other?backoffMax=soon"))
                .hasStackTraceContaining("backoffMax=soon is not a positive duration");
    }

    @Test
    void runsAtMostParallelismKeysAtOnce() {
        for (int i = 0; i < 6; i++) {
            reconciles.behave("ns/blocked-" + i, (attempt, exchange) -> waitForGate());
            enqueue("ns/blocked-" + i);
        }

        await().until(() -> reconciles.running() == 3 && queue().depth() == 3);
        gate.countDown();

        await().until(() -> queue().processedCount() == 6);
        assertThat(reconciles.maxConcurrent()).isEqualTo(3);
    }

    @Test
    void runsOneKeyOnceAtATimeAndOnceMoreForEventsDuringItsRun() {
        reconciles.behave("ns/same", (attempt, exchange) -> waitForGate());
        enqueue("ns/same");
        await().until(() -> reconciles.running() == 1);

        for (int i = 0; i < 5; i++) {
            enqueue("ns/same");
        }
        assertThat(queue().depth()).as("the key waits for its running reconcile").isZero();
        gate.countDown();

        await().until(() -> queue().processedCount() == 2 && queue().depth() == 0 && queue().inFlight() == 0);
        assertThat(reconciles.runs("ns/same")).hasSize(2);
        assertThat(reconciles.overlaps()).isZero();
    }

    @Test
    void retriesAFailingReconcileWithGrowingBackoffAndForgetsOnSuccess() {
        reconciles.behave("ns/flaky", (attempt, exchange) -> {
            if (attempt <= 3) {
                throw new IllegalStateException("Quay unavailable on attempt " + attempt);
            }
        });
        enqueue("ns/flaky");

        await().atMost(Duration.ofSeconds(10)).until(() -> reconciles.runs("ns/flaky").size() == 4);
        assertThat(reconciles.gapsMillis("ns/flaky")).satisfiesExactly(
                first -> assertThat(first).isGreaterThanOrEqualTo(50),
                second -> assertThat(second).isGreaterThanOrEqualTo(100),
                third -> assertThat(third).isGreaterThanOrEqualTo(200));
        await().until(() -> queue().processedCount() == 4);
        assertThat(queue().failureCount("ns/flaky")).isZero();
        assertThat(queue().delayedCount()).isZero();
    }

    @Test
    void retriesWithBackoffWhenTheRouteFlagsAFailure() {
        reconciles.behave("ns/flagged", (attempt, exchange) ->
                exchange.setProperty(WorkQueueConstants.FAILED, attempt == 1));
        enqueue("ns/flagged");

        await().until(() -> reconciles.runs("ns/flagged").size() == 2);
        assertThat(reconciles.gapsMillis("ns/flagged")).singleElement()
                .satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(50));
    }

    @Test
    void requeuesAfterTheDelayTheRouteAsksForWithFailuresReset() {
        AtomicInteger failuresSeenOnThirdRun = new AtomicInteger(-1);
        reconciles.behave("ns/syncing", (attempt, exchange) -> {
            switch (attempt) {
                case 1 -> throw new IllegalStateException("first attempt fails");
                case 2 -> exchange.setProperty(WorkQueueConstants.REQUEUE_AFTER, Duration.ofMillis(300));
                default -> failuresSeenOnThirdRun.set(queue().failureCount("ns/syncing"));
            }
        });
        enqueue("ns/syncing");

        await().atMost(Duration.ofSeconds(10)).until(() -> reconciles.runs("ns/syncing").size() == 3);
        assertThat(reconciles.gapsMillis("ns/syncing").get(1)).isGreaterThanOrEqualTo(300);
        await().until(() -> queue().processedCount() == 3);
        assertThat(failuresSeenOnThirdRun).hasValue(0);
        assertThat(queue().delayedCount()).isZero();
    }

    @Test
    void stopWaitsForTheRunningReconcileAndEndsEveryWorker() throws Exception {
        reconciles.behave("ns/slow", (attempt, exchange) -> waitForGate());
        enqueue("ns/slow");
        await().until(() -> reconciles.running() == 1);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(this::stopReconcileRoute);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !stopped.isDone());
        gate.countDown();

        assertThat(stopped).succeedsWithin(Duration.ofSeconds(10));
        assertThat(queue().processedCount()).isEqualTo(1);
        await().until(() -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .noneMatch(name -> name.contains("(" + context.getName() + ")") && name.contains("WorkQueue-test")));
        enqueue("ns/after-stop");
        assertThat(queue().depth()).as("kept for when the consumer starts again").isEqualTo(1);
    }

    private void stopReconcileRoute() {
        try {
            context.getRouteController().stopRoute("reconcile");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void enqueue(String key) {
        template.sendBodyAndHeader("direct:enqueue", null, WorkQueueConstants.KEY, key);
    }

    private KeyedWorkQueue queue() {
        return context.getComponent("workqueue", WorkQueueComponent.class).queue("test");
    }

    private void waitForGate() throws InterruptedException {
        assertThat(gate.await(30, TimeUnit.SECONDS)).as("gate opened by the test").isTrue();
    }
}
