package dev.bridle.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles and the units the reports print them in. Samples are nanoseconds. */
public final class Stats {

    private Stats() {}

    /** The {@code p}-th percentile (0 to 100) of {@code sorted}, nearest rank. */
    public static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** A sorted copy. */
    public static long[] sorted(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return copy;
    }

    public static double mean(long[] samples) {
        return Arrays.stream(samples).average().orElse(0);
    }

    /** Milliseconds, with as many decimals as a reader needs. */
    public static String ms(double nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : ms < 100 ? "%.2f ms" : "%.0f ms", ms);
    }

    /** Microseconds. */
    public static String us(double nanos) {
        double us = nanos / 1e3;
        return String.format(Locale.ROOT, us < 10 ? "%.2f µs" : us < 1000 ? "%.1f µs" : "%,.0f µs", us);
    }

    /** "p50 / p99" in milliseconds. */
    public static String p50p99ms(long[] sorted) {
        return ms(pct(sorted, 50)) + " / " + ms(pct(sorted, 99));
    }

    /** "p50 / p99" in microseconds. */
    public static String p50p99us(long[] sorted) {
        return us(pct(sorted, 50)) + " / " + us(pct(sorted, 99));
    }

    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
