package dev.bridle.internal.throttle;

import io.github.bucket4j.BucketState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where throttle token buckets live. Each bucket is named by a key ({@code "account:acme_news:POST"},
 * {@code "contact:1234"}) and shaped by its {@link Limit}s: one bandwidth per limit, all of which must have a token for
 * an action to go. Taking is atomic: however many threads or nodes take from one bucket at once, no more tokens are
 * handed out than the limits allow.
 *
 * <p>{@link LocalBucketStore} keeps buckets in memory for one node; {@link PostgresBucketStore} keeps them in
 * PostgreSQL so that every node shares them. A store that cannot answer throws, and the guard chain then denies the
 * action (fail closed).
 */
public interface BucketStore {

    /**
     * Takes one token from the bucket {@code key}, creating it full with {@code limits} if it does not exist yet. A
     * given key is always used with the same limits.
     */
    Take tryTake(String key, List<Limit> limits);

    /**
     * Gives back one token taken from {@code key} for an action that was not sent. The bucket never holds more than its
     * limits allow, so giving back to a bucket that has since refilled is harmless.
     */
    void giveBack(String key, List<Limit> limits);

    /**
     * The answer to one {@link #tryTake}.
     *
     * @param taken whether a token was taken
     * @param retryAfter when not taken, how long until one will be there; zero when taken
     * @param left when taken from a bucket held in memory, what the bucket holds right after the take, so that it can
     *     be journaled and restored after a restart ({@link TakeJournal}); {@code null} from a store that is durable
     *     itself, and when not taken
     */
    record Take(boolean taken, Duration retryAfter, Snapshot left) {

        private static final Take TAKEN = new Take(true, Duration.ZERO, null);

        public Take {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** A token was taken. */
        public static Take granted() {
            return TAKEN;
        }

        /** A token was taken; the bucket then held {@code left}. */
        public static Take granted(Snapshot left) {
            return new Take(true, Duration.ZERO, Objects.requireNonNull(left, "left"));
        }

        /** No token; one will be there after {@code retryAfter}. */
        public static Take refused(Duration retryAfter) {
            return new Take(false, retryAfter, null);
        }
    }

    /**
     * A copy of one bucket's whole state (Bucket4j's, every window with its fraction of a token) at an instant, enough
     * to restore the bucket exactly.
     *
     * @param at when
     * @param state the copy; not to be changed
     */
    record Snapshot(Instant at, BucketState state) {

        public Snapshot {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(state, "state");
        }
    }
}
