package dev.bridle.internal.config;

import dev.bridle.internal.throttle.Limit;
import java.time.Duration;
import java.util.Optional;

/**
 * Spans of time in the guards' sections. Either form reads: the short one schedules use ({@link Intervals}:
 * {@code 30s}, {@code 10m}, {@code 7d}, ISO-8601) and the words limits use ({@link Limit#parseSpan}: {@code "30
 * seconds"}, {@code "7 days"}), so a span can be copied from a limit's text. Printed in the short form.
 */
final class Spans {

    /** How a span may be written, for messages. */
    static final String EXAMPLES = "like 30s, 10m, 2h, 7d or \"7 days\"";

    private Spans() {}

    static Optional<Duration> parse(String text) {
        Optional<Duration> interval = Intervals.parse(text);
        if (interval.isPresent()) {
            return interval;
        }
        try {
            return Optional.of(Limit.parseSpan(text));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty(); // not a span, or too long to be one
        }
    }

    static String format(Duration span) {
        return span.isZero() ? "0s" : Intervals.format(span);
    }
}
