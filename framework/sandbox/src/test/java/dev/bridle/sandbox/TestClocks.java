package dev.bridle.sandbox;

import java.time.Clock;
import java.time.Instant;

/** Where the sandbox's tests start their {@link MutableClock}. */
final class TestClocks {
    /** A fixed, readable starting point for golden files. */
    static final Instant GOLDEN_START = Instant.parse("2026-03-02T09:30:00Z");

    private TestClocks() {}

    static MutableClock golden() {
        return MutableClock.at(GOLDEN_START);
    }

    /** Starts at the real time: twitter4j signs with System.currentTimeMillis(), so its requests need this. */
    static MutableClock nearRealTime() {
        return MutableClock.at(Clock.systemUTC().instant());
    }
}
