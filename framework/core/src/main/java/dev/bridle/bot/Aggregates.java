package dev.bridle.bot;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and distributions without identifiers: the analysis the platform's rules allow, because nothing in it points
 * at a person. Each aggregate has a name and labels; a label can never hold a user id, a post id or a handle, and an
 * aggregate has at most {@value #MAX_SERIES} label combinations, so it cannot become a per-person table by another
 * name. A label that breaks this is refused with an {@link IllegalArgumentException} saying which and why.
 *
 * <pre>{@code
 * ctx.aggregates().increment("replies", Map.of("language", "de", "topic", "shipping"));
 * ctx.aggregates().observe("answer_seconds", Map.of("topic", "shipping"), 42.0);
 * }</pre>
 *
 * Aggregates are private to the bot, durable, and shared by every node on one store.
 */
public interface Aggregates {

    /** The most label combinations one aggregate may have. */
    int MAX_SERIES = 200;

    /** Adds one to the counter {@code name} with {@code labels}. */
    default void increment(String name, Map<String, String> labels) {
        add(name, labels, 1);
    }

    /** Adds {@code amount} (zero or more) to the counter {@code name} with {@code labels}. */
    void add(String name, Map<String, String> labels, long amount);

    /** Records one observation of {@code value} (zero or more) in the distribution {@code name} with {@code labels}. */
    void observe(String name, Map<String, String> labels, double value);

    /** The counter's value, zero if nothing was counted. */
    long count(String name, Map<String, String> labels);

    /** The distribution so far; empty (count 0) if nothing was observed. */
    Distribution distribution(String name, Map<String, String> labels);

    /**
     * Observations so far: how many, their sum, and how many fell at or below each bound (bounds are powers of two,
     * counts cumulative, as a Prometheus histogram's).
     *
     * @param count how many observations
     * @param sum their sum
     * @param atOrBelow for each upper bound that any observation reached, how many were at or below it, bounds
     *     ascending
     */
    record Distribution(long count, double sum, Map<Double, Long> atOrBelow) {
        public Distribution {
            atOrBelow = Collections.unmodifiableMap(new TreeMap<>(atOrBelow));
        }

        /** The mean, or 0 with no observations. */
        public double mean() {
            return count == 0 ? 0 : sum / count;
        }
    }
}
