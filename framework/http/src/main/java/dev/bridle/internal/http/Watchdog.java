package dev.bridle.internal.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at every exchange in progress a few times per deadline and interrupts those past theirs ({@link Watch#expire}).
 * A sweep costs a look at each exchange in progress, of which there are at most the workers and one spare; a request
 * costs no timer of its own.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    /** Sweeps every tenth of the shortest timeout, between 10 and 250 ms. */
    Watchdog(HttpLimits limits, String name) {
        Duration shortest = limits.headerTimeout().compareTo(limits.bodyTimeout()) < 0
                ? limits.headerTimeout()
                : limits.bodyTimeout();
        long tick = Math.max(10, Math.min(250, shortest.toMillis() / 10));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-deadlines");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
    }

    void add(Watch watch) {
        watches.add(watch);
    }

    void remove(Watch watch) {
        watches.remove(watch);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            if (watch.expire(now)) {
                watches.remove(watch);
                log.debug("closing a connection whose client took longer than its deadline");
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
