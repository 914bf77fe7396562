/**
 * Aggregates without identifiers: counters and distributions whose labels are checked never to hold a user, a post or a
 * handle ({@link dev.bridle.internal.aggregate.AggregateLabels}), kept per bot in the store
 * ({@link dev.bridle.internal.aggregate.StoredAggregates}).
 */
package dev.bridle.internal.aggregate;
