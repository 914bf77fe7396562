package dev.bridle.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Intervals as written in configuration: {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}, or ISO-8601. */
public final class Intervals {

    /** The shortest interval a schedule may have. */
    static final Duration MINIMUM = Duration.ofSeconds(1);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private Intervals() {}

    /** The interval {@code text} names, or empty when it is not one. */
    public static Optional<Duration> parse(String text) {
        Matcher m = SHORT.matcher(text.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return Optional.of(
                    switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
        }
        try {
            return Optional.of(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The shortest form {@link #parse} reads back to the same interval. */
    public static String format(Duration interval) {
        long seconds = interval.getSeconds();
        if (interval.getNano() != 0 || seconds <= 0) {
            return interval.toString();
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
