package dev.bridle.internal.throttle;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit of {@code count} actions per {@code per}, enforced as a token bucket: up to {@code count} may go at once,
 * then one more every {@code per / count}. Over any span {@code T} at most {@code count + count * T / per} go, so a
 * span of length {@code per} sees at most {@code 2 * count}; the per-account minimum spacing keeps the first burst
 * apart, and the settings check this worst case against the platform's ceilings.
 *
 * <p>Written in configuration as {@code "10 per hour"}, {@code "50 per day"} or {@code "15 per 15 minutes"} (see
 * {@link #parse}).
 *
 * @param count how many actions, at least 1
 * @param per over how long, positive
 */
public record Limit(long count, Duration per) {

    private static final Pattern LIMIT = Pattern.compile("\\s*(\\d+)\\s+per\\s+(.+?)\\s*");
    private static final Pattern SPAN = Pattern.compile("\\s*(\\d+)?\\s*(second|minute|hour|day|week)s?\\s*");

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

    /** The limits {@code given} in code ({@code Bridle.builder().throttles(...)}), in the same order. */
    public static List<Limit> allOf(List<dev.bridle.config.Limit> given) {
        return given.stream().map(l -> new Limit(l.count(), l.per())).toList();
    }

    /** The most actions this limit lets through in any span of length {@code span}: the burst plus the refill. */
    public long mostWithin(Duration span) {
        BigInteger refill = BigInteger.valueOf(count)
                .multiply(BigInteger.valueOf(span.toNanos()))
                .divide(BigInteger.valueOf(per.toNanos()));
        return BigInteger.valueOf(count)
                .add(refill)
                .min(BigInteger.valueOf(Long.MAX_VALUE))
                .longValueExact();
    }

    /**
     * Reads {@code "N per SPAN"}, where SPAN is {@code second}, {@code minute}, {@code hour}, {@code day} or
     * {@code week}, optionally preceded by a number and in the plural: {@code "10 per hour"}, {@code "15 per 15
     * minutes"}.
     *
     * @throws IllegalArgumentException saying what was expected, when {@code text} is not a limit
     */
    public static Limit parse(String text) {
        Matcher m = LIMIT.matcher(Objects.requireNonNull(text, "text").toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a limit; write it as '10 per hour' or '15 per 15 minutes'");
        }
        return new Limit(Long.parseLong(m.group(1)), parseSpan(m.group(2)));
    }

    /**
     * Reads a span as written in limits and throttle windows: {@code "hour"}, {@code "7 days"}, {@code "30 seconds"}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Duration parseSpan(String text) {
        Matcher m = SPAN.matcher(Objects.requireNonNull(text, "text").toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a span of time; write it as '30 seconds', 'hour' or '7 days'");
        }
        long n = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
        Duration unit = switch (m.group(2)) {
            case "second" -> Duration.ofSeconds(1);
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
        return unit.multipliedBy(n);
    }

    /** As written in configuration: {@code "10 per hour"}. */
    @Override
    public String toString() {
        return count + " per " + Spans.describe(per);
    }
}
