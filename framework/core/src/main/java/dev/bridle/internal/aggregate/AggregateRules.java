package dev.bridle.internal.aggregate;

import dev.bridle.bot.Aggregates;
import dev.bridle.internal.aggregate.AggregateSeries.Step;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link Aggregates} under the rule that they hold no identifiers: names and labels pass {@link AggregateLabels}, an
 * aggregate has at most {@value Aggregates#MAX_SERIES} label combinations, counters only grow and observations are
 * finite, and a distribution is kept in power-of-two buckets. Where the rows live is the {@link AggregateSeries}' job:
 * the store for a running bot, memory for the test kit, so a bot's test refuses exactly what production refuses.
 */
public final class AggregateRules implements Aggregates {

    private static final int LOWEST_BUCKET = -10; // 2^-10, about a thousandth
    private static final int HIGHEST_BUCKET = 62;

    private final AggregateSeries series;

    public AggregateRules(AggregateSeries series) {
        this.series = Objects.requireNonNull(series, "series");
    }

    @Override
    public void add(String name, Map<String, String> labels, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only grows; '" + name + "' was given " + amount);
        }
        write(name, labels, List.of(new Step(AggregateSeries.TOTAL, amount, 0)));
    }

    @Override
    public void observe(String name, Map<String, String> labels, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "an observation is a finite number, zero or more; '" + name + "' was given " + value);
        }
        write(name, labels, List.of(new Step(AggregateSeries.TOTAL, 1, value), new Step(bucketOf(value), 1, value)));
    }

    @Override
    public long count(String name, Map<String, String> labels) {
        return distribution(name, labels).count();
    }

    @Override
    public Distribution distribution(String name, Map<String, String> labels) {
        long count = 0;
        double sum = 0;
        long running = 0;
        Map<Double, Long> atOrBelow = new TreeMap<>();
        for (Step row : series.read(name, AggregateLabels.canonical(name, labels))) { // the totals' row first
            if (row.bucket() == AggregateSeries.TOTAL) {
                count = row.n();
                sum = row.total();
            } else {
                running += row.n();
                atOrBelow.put(Math.scalb(1.0, row.bucket()), running);
            }
        }
        return new Distribution(count, sum, atOrBelow);
    }

    /** The bucket an observation falls in: the smallest power of two at or above it. */
    static int bucketOf(double value) {
        int k = LOWEST_BUCKET;
        while (k < HIGHEST_BUCKET && Math.scalb(1.0, k) < value) {
            k++;
        }
        return k;
    }

    private void write(String name, Map<String, String> labels, List<Step> steps) {
        if (!series.add(name, AggregateLabels.canonical(name, labels), steps, MAX_SERIES)) {
            throw new IllegalArgumentException("aggregate '" + name + "' already has " + MAX_SERIES
                    + " label combinations, the most one may have: labels with that many values would point at"
                    + " people, which aggregates may not");
        }
    }
}
