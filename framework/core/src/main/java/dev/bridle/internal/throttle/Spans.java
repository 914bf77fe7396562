package dev.bridle.internal.throttle;

import java.time.Duration;

/** Spans of time written for people, the way configuration writes them: "hour", "7 days", "30 seconds". */
final class Spans {

    private Spans() {}

    static String describe(Duration d) {
        long s = d.getSeconds();
        if (d.getNano() != 0 || s == 0) {
            return d.toMillis() + " ms";
        }
        if (s % 604_800 == 0) {
            return count(s / 604_800, "week");
        }
        if (s % 86_400 == 0) {
            return count(s / 86_400, "day");
        }
        if (s % 3_600 == 0) {
            return count(s / 3_600, "hour");
        }
        if (s % 60 == 0) {
            return count(s / 60, "minute");
        }
        return count(s, "second");
    }

    private static String count(long n, String unit) {
        return n == 1 ? unit : n + " " + unit + "s";
    }

    /** {@code instant} as people read it: to the second, rounded up so it is never before the real time. */
    static String moment(java.time.Instant instant) {
        java.time.Instant up = instant.getNano() == 0
                ? instant
                : instant.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return up.toString();
    }
}
