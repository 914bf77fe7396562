package dev.bridle.throttle;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where throttle token buckets live. Each bucket is named by a key ({@code "account:acme_news:POST"},
 * {@code "contact:1234"}) and shaped by its {@link Limit}s: one bandwidth per limit, all of which
 * must have a token for an action to go. Taking is atomic: however many threads or nodes take from
 * one bucket at once, no more tokens are handed out than the limits allow.
 *
 * <p>{@link LocalBucketStore} keeps buckets in memory for one node; {@link PostgresBucketStore}
 * keeps them in PostgreSQL so that every node shares them. A store that cannot answer throws, and
 * the guard chain then denies the action (fail closed).
 */
public interface BucketStore {

    /**
     * Takes one token from the bucket {@code key}, creating it full with {@code limits} if it does
     * not exist yet. A given key is always used with the same limits.
     */
    Take tryTake(String key, List<Limit> limits);

    /**
     * Gives back one token taken from {@code key} for an action that was not sent. The bucket never
     * holds more than its limits allow, so giving back to a bucket that has since refilled is harmless.
     */
    void giveBack(String key, List<Limit> limits);

    /**
     * The answer to one {@link #tryTake}.
     *
     * @param taken whether a token was taken
     * @param retryAfter when not taken, how long until one will be there; zero when taken
     */
    record Take(boolean taken, Duration retryAfter) {

        private static final Take TAKEN = new Take(true, Duration.ZERO);

        public Take {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** A token was taken. */
        public static Take granted() {
            return TAKEN;
        }

        /** No token; one will be there after {@code retryAfter}. */
        public static Take refused(Duration retryAfter) {
            return new Take(false, retryAfter);
        }
    }
}
