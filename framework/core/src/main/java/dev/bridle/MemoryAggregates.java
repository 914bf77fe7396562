package dev.bridle;

import dev.bridle.bot.Aggregates;
import dev.bridle.internal.aggregate.AggregateRules;
import dev.bridle.internal.aggregate.MemoryAggregateSeries;

/**
 * {@link Aggregates} kept in memory under exactly the rules a running bot's are: names and labels that cannot hold a
 * user, a handle or an id, at most {@value Aggregates#MAX_SERIES} label combinations an aggregate, the same buckets.
 * For tests (the test kit's {@code ScriptedBotContext} uses it), so that what a bot's test counts is what production
 * counts, and what production refuses its test refuses too.
 *
 * <pre>{@code
 * Aggregates counts = MemoryAggregates.create();
 * counts.increment("answers", Map.of("language", "de"));
 * counts.increment("answers", Map.of("user", "2001")); // IllegalArgumentException: aggregates keep no identifiers
 * }</pre>
 */
public final class MemoryAggregates {

    private MemoryAggregates() {}

    /** New, empty aggregates. */
    public static Aggregates create() {
        return new AggregateRules(new MemoryAggregateSeries());
    }
}
