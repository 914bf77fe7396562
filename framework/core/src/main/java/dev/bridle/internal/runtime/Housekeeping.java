package dev.bridle.internal.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic upkeep on one background thread: rows whose window has passed (duplicate reservations, refilled shared
 * buckets, journaled throttle takes) are deleted so the store does not grow without end. A task that fails is logged
 * and tried again next time.
 */
final class Housekeeping implements AutoCloseable {

    /** How often every task runs: windows are hours to days, so an hour is fine-grained enough. */
    static final Duration EVERY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private record Task(String name, Runnable run) {}

    private final List<Task> tasks = new ArrayList<>();
    private ScheduledExecutorService timer;

    /** Adds a task; call before {@link #start}. */
    Housekeeping add(String name, Runnable task) {
        tasks.add(new Task(name, task));
        return this;
    }

    /** Runs every task now, on the caller's thread. */
    void runAll() {
        for (Task task : tasks) {
            try {
                task.run().run();
            } catch (RuntimeException e) {
                log.warn("housekeeping task {} failed; trying again in {}", task.name(), EVERY, e);
            }
        }
    }

    synchronized void start() {
        if (timer == null && !tasks.isEmpty()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bridle-housekeeping");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::runAll, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
