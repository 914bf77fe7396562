package dev.bridle.sandbox;

import java.time.Duration;

/**
 * How the sandbox waits when a fault plan asks for latency. The default really sleeps; tests pass one that records the
 * request instead, so no test waits on the wall clock.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for the given time (or pretends to). */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the current thread. */
    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
