package dev.bridle.bench.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time Bridle and the sandbox read in the end-to-end runs: wall time from a fixed origin, run {@code speed} times
 * faster, plus whatever the harness adds with {@link #advance}.
 *
 * <p>Why not the wall clock: Bridle's default throttles (30 s between two actions of an account, 10 posts an hour, 3
 * contacts a day per user ...) would defer almost every action of a run that sends thousands in a minute. Moving time
 * on is the same as raising every limit by that factor (every throttle refills from this clock), and it keeps the
 * throttles' own work in the path.
 */
public final class BenchClock extends Clock {

    private final Instant origin;
    private final long startNanos = System.nanoTime();
    private final double speed;
    private final AtomicLong offsetNanos = new AtomicLong();

    public BenchClock(Instant origin, double speed) {
        this.origin = origin;
        this.speed = speed;
    }

    /** Moves time on by {@code d}, at once. */
    public void advance(Duration d) {
        offsetNanos.addAndGet(d.toNanos());
    }

    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        long elapsed = (long) ((System.nanoTime() - startNanos) * speed);
        return origin.plusNanos(elapsed + offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
