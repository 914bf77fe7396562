package dev.bridle.internal.schedule;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A {@link BotInvoker} that counts runs per bot, can fail or hold a bot, and lets a test wait for runs. */
final class RecordingInvoker implements BotInvoker {

    /**
     * Generous, since a passing wait returns at once: on PostgreSQL a trigger the stopped node had acquired waits for
     * cluster recovery (about 15 s) before another node fires it.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(45);

    private final Map<String, Integer> runs = new HashMap<>();
    private final Map<String, Instant> lastStart = new HashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Integer> mostAtOnce = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private final Set<String> held = new HashSet<>();

    /** Makes every run of {@code bot} throw. */
    synchronized RecordingInvoker failing(String bot) {
        failing.add(bot);
        return this;
    }

    /** Makes runs of {@code bot} block until {@link #release}. */
    synchronized RecordingInvoker holding(String bot) {
        held.add(bot);
        return this;
    }

    synchronized void release(String bot) {
        held.remove(bot);
        notifyAll();
    }

    synchronized void releaseAll() {
        held.clear();
        notifyAll();
    }

    @Override
    public void runScheduled(String bot) throws Exception {
        synchronized (this) {
            runs.merge(bot, 1, Integer::sum);
            lastStart.put(bot, Instant.now());
            int now = running.merge(bot, 1, Integer::sum);
            mostAtOnce.merge(bot, now, Math::max);
            notifyAll();
        }
        try {
            synchronized (this) {
                while (held.contains(bot)) {
                    wait();
                }
                if (failing.contains(bot)) {
                    throw new IllegalStateException("bot " + bot + " broke on purpose");
                }
            }
        } finally {
            synchronized (this) {
                running.merge(bot, -1, Integer::sum);
            }
        }
    }

    synchronized int runs(String bot) {
        return runs.getOrDefault(bot, 0);
    }

    synchronized Instant lastStart(String bot) {
        return lastStart.get(bot);
    }

    /** The most runs of {@code bot} that were going on at the same time. */
    synchronized int mostAtOnce(String bot) {
        return mostAtOnce.getOrDefault(bot, 0);
    }

    /** Waits until {@code bot} has started at least {@code count} runs, failing after {@link #TIMEOUT}. */
    synchronized void awaitRuns(String bot, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (runs(bot) < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("bot %s ran %d times in %s, expected at least %d", bot, runs(bot), TIMEOUT, count);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
