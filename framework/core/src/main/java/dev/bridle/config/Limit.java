package dev.bridle.config;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code count} actions per {@code per}, as a token bucket: up to {@code count} may go at once, then one more
 * every {@code per / count}. The same as {@code "10 per hour"} in {@code bridle.yaml}.
 *
 * @param count how many actions, at least 1
 * @param per over how long, positive
 */
public record Limit(long count, Duration per) {

    public Limit {
        Objects.requireNonNull(per, "per");
        if (count < 1) {
            throw new IllegalArgumentException("a limit allows at least 1 action, not " + count);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a limit's span must be positive, not " + per);
        }
    }

    /** {@code count} per {@code per}. */
    public static Limit of(long count, Duration per) {
        return new Limit(count, per);
    }

    /** {@code count} an hour. */
    public static Limit perHour(long count) {
        return new Limit(count, Duration.ofHours(1));
    }

    /** {@code count} a day. */
    public static Limit perDay(long count) {
        return new Limit(count, Duration.ofDays(1));
    }
}
