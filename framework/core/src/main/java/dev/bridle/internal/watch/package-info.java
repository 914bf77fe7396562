/**
 * Watch rules: whether a search query or stream rule a bot registers tracks sensitive events or groups, profiles a
 * person, or measures the service, which the X developer terms forbid.
 * {@link dev.bridle.internal.watch.WatchClassifier} parses the query as X does and applies
 * {@link dev.bridle.internal.watch.WatchTerms} read from a term file ({@code config/watch-terms.yaml}).
 */
package dev.bridle.internal.watch;
