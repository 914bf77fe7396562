package dev.bridle.sandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two date formats of the API: v1.1 {@code "Wed Oct 10 20:19:24 +0000 2018"}, v2 ISO-8601 with millis. */
public final class TwitterDates {
    private static final DateTimeFormatter V1 = DateTimeFormatter.ofPattern(
                    "EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter V2 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TwitterDates() {}

    public static String v1(Instant instant) {
        return V1.format(instant);
    }

    public static String v2(Instant instant) {
        return V2.format(instant);
    }
}
