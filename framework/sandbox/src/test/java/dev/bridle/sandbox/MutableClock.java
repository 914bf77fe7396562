package dev.bridle.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
final class MutableClock extends Clock {
    /** A fixed, readable starting point for golden files. */
    static final Instant GOLDEN_START = Instant.parse("2026-03-02T09:30:00Z");

    private volatile Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    static MutableClock golden() {
        return new MutableClock(GOLDEN_START);
    }

    /** Starts at the real time: twitter4j signs with System.currentTimeMillis(), so its requests need this. */
    static MutableClock nearRealTime() {
        return new MutableClock(Clock.systemUTC().instant());
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
