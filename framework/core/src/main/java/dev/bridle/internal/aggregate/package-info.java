/**
 * Aggregates without identifiers: counters and distributions whose labels are checked never to hold a user, a post or a
 * handle ({@link dev.bridle.internal.aggregate.AggregateLabels}), under one set of rules
 * ({@link dev.bridle.internal.aggregate.AggregateRules}), kept per bot in the store
 * ({@link dev.bridle.internal.aggregate.JdbcAggregateSeries}) or, for tests, in memory.
 */
package dev.bridle.internal.aggregate;
