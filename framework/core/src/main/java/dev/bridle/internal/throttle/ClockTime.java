package dev.bridle.internal.throttle;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** The injected {@link Clock} as the nanosecond time Bucket4j and Caffeine read, so tests move all three together. */
final class ClockTime implements TimeMeter, Ticker {

    private final Clock clock;

    ClockTime(Clock clock) {
        this.clock = clock;
    }

    /** Nanoseconds since the epoch on {@code clock}. */
    static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long currentTimeNanos() {
        return nanos(clock);
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    @Override
    public long read() {
        return nanos(clock);
    }
}
