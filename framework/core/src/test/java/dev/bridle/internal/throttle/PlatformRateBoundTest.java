package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.ACME;
import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The bound {@link dev.bridle.internal.ratelimit.PlatformLimits} states for per-node (memory) windows: with {@code N}
 * nodes and {@code T} threads each, at most {@code N × T} requests of one window go beyond the platform's remaining
 * count, and that many can. The platform here is a counter that answers each request as X does: accepted with the
 * remaining count in its headers, or refused (429) once none remain.
 */
class PlatformRateBoundTest {

    static final Instant RESET = T0.plus(Duration.ofMinutes(15));
    static final int NODES = 3;
    static final int THREADS = 4;

    private final MutableClock clock = MutableClock.at(T0);

    /** One rate-limit window of the platform for @acme_news's posts. */
    static final class Platform {
        private long remaining;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        Platform(long remaining) {
            this.remaining = remaining;
        }

        /** Answers one request, then tells the node that sent it, as the adapter does. */
        void call(PlatformNode node) {
            long left;
            synchronized (this) {
                left = remaining > 0 ? --remaining : -1;
            }
            Thread.yield(); // the answer travels back while others send
            if (left >= 0) {
                accepted.incrementAndGet();
                node.observed(ACME, ActionKind.POST, 100, left, RESET);
            } else {
                refused.incrementAndGet();
                node.exhausted(ACME, ActionKind.POST, RESET);
            }
        }
    }

    /** One thread's work on a node: check, send if allowed, settle. */
    static boolean act(PlatformNode node, Platform platform) {
        ActionRequest post = Actions.post(ACME);
        Verdict v = node.check(post);
        if (!v.allows()) {
            return false;
        }
        platform.call(node);
        node.confirm(post, "1");
        return true;
    }

    @RepeatedTest(5)
    void withAViewPerNodeNoMoreThanNodesTimesThreadsGoBeyondThePlatformsCount() throws Exception {
        Platform platform = new Platform(100);
        List<PlatformNode> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            PlatformNode node = PlatformNode.inMemory(clock);
            node.observed(
                    ACME,
                    ActionKind.POST,
                    100,
                    100,
                    RESET); // each heard "100 left" once, and sees only its own requests from then on
            nodes.add(node);
        }
        ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (PlatformNode node : nodes) {
                for (int t = 0; t < THREADS; t++) {
                    workers.add(() -> {
                        for (int i = 0; i < 60; i++) {
                            act(node, platform);
                        }
                        return null;
                    });
                }
            }
            for (Future<Void> f : pool.invokeAll(workers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(platform.accepted.get()).isEqualTo(100);
        assertThat(platform.refused.get()).isLessThanOrEqualTo(NODES * THREADS);
    }

    @Test
    void theBoundIsReachedWhenEveryThreadOfEveryNodeIsInFlightAsTheCountRunsOut() throws Exception {
        // Another app on the account has used the window up; no node has heard of it yet.
        Platform platform = new Platform(0);
        CyclicBarrier allSent = new CyclicBarrier(NODES * THREADS);
        List<PlatformNode> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            nodes.add(PlatformNode.inMemory(clock));
        }
        ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS);
        try {
            List<Callable<Boolean>> workers = new ArrayList<>();
            for (PlatformNode node : nodes) {
                for (int t = 0; t < THREADS; t++) {
                    workers.add(() -> {
                        ActionRequest post = Actions.post(ACME);
                        if (!node.check(post).allows()) {
                            return false;
                        }
                        await(allSent); // every thread has its request out before any answer is back
                        platform.call(node);
                        node.confirm(post, null);
                        return true;
                    });
                }
            }
            for (Future<Boolean> f : pool.invokeAll(workers)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(platform.refused.get()).isEqualTo(NODES * THREADS);
        for (PlatformNode node : nodes) {
            assertThat(act(node, platform))
                    .as("every node has heard the 429 and defers until the reset")
                    .isFalse();
        }
        assertThat(platform.refused.get()).isEqualTo(NODES * THREADS);
    }

    private static void await(CyclicBarrier barrier)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        barrier.await(10, TimeUnit.SECONDS);
    }
}
