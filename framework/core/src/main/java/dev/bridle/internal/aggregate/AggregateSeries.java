package dev.bridle.internal.aggregate;

import java.util.List;

/**
 * Where one bot's aggregates are kept: for each aggregate and label combination, a totals row and a row per bucket.
 * {@link AggregateRules} decides what may be counted; this only adds and reads.
 */
public interface AggregateSeries {

    /** The bucket of the totals row: {@code n} is the count, {@code total} the sum. */
    int TOTAL = Integer.MIN_VALUE;

    /**
     * One row's increment, or one row as read.
     *
     * @param bucket {@link #TOTAL}, or the exponent {@code k} of the bucket's upper bound {@code 2^k}
     * @param n how many
     * @param total their sum
     */
    record Step(int bucket, long n, double total) {}

    /**
     * Adds {@code steps} to aggregate {@code name}'s combination {@code labels}, unless it is a new combination and the
     * aggregate already has {@code maxCombinations}.
     *
     * @return whether it was added
     */
    boolean add(String name, String labels, List<Step> steps, long maxCombinations);

    /** The rows of {@code name}'s combination {@code labels}, ordered by bucket (the totals first); empty if none. */
    List<Step> read(String name, String labels);
}
