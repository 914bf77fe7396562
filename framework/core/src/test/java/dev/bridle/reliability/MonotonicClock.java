package dev.bridle.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that reads {@link System#nanoTime()}: the wall-clock instant at construction plus the monotonic time
 * since. Given to the sandbox, the times it records (a direct message's or a reply's {@code createdAt}) convert back
 * exactly to the same {@code nanoTime} scale the race test records opt-outs and final checks on ({@link #nanosOf}), so
 * one clock orders them all.
 */
final class MonotonicClock extends Clock {

    private final Instant base;
    private final long baseNanos;

    MonotonicClock() {
        this.base = Instant.now();
        this.baseNanos = System.nanoTime();
    }

    /** The {@code System.nanoTime()} value at which this clock read {@code instant}. */
    long nanosOf(Instant instant) {
        return baseNanos + Duration.between(base, instant).toNanos();
    }

    /** Milliseconds from this clock's start to the {@code nanoTime} value {@code nanos}, for messages. */
    String at(long nanos) {
        return String.format(java.util.Locale.ROOT, "+%.3f ms", (nanos - baseNanos) / 1e6);
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - baseNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the race test's clock is UTC only");
    }
}
