package dev.bridle.internal.throttle;

import io.github.bucket4j.BucketState;
import io.github.bucket4j.MathType;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One in-memory token bucket: Bucket4j's {@link BucketState} under this object's lock, driven the way Bucket4j's own
 * {@code SynchronizedBucket} drives it (refill to now, then consume or work out the wait), so all the arithmetic is
 * Bucket4j's. Holding the state rather than a {@code Bucket} lets the store hand out an exact copy of it after each
 * take, for the {@link TakeJournal}, and build a bucket from such a copy at start-up: a Bucket4j local bucket can only
 * be built full or with whole tokens, and would lose the fraction of a token each window had refilled, up to one whole
 * refill interval of waiting (a day's limit of 3: eight hours).
 */
final class TokenBucket {

    private BucketState state;
    private volatile List<Limit> limits;
    private volatile long idleNanos;

    /** A full bucket for {@code limits}, at {@code nowNanos}. */
    TokenBucket(List<Limit> limits, long nowNanos) {
        this(BucketState.createInitialState(Buckets.configuration(limits), MathType.INTEGER_64_BITS, nowNanos), limits);
    }

    /** A bucket in {@code state} (a copy it now owns), made for {@code limits}. */
    TokenBucket(BucketState state, List<Limit> limits) {
        this.state = state;
        this.limits = limits;
        this.idleNanos = Buckets.refillTime(limits).toNanos();
    }

    /** How long the bucket may go unused before it is full again, so that forgetting it changes nothing. */
    long idleNanos() {
        return idleNanos;
    }

    /** Takes one token at {@code nowNanos} under {@code newLimits} (adopted first if they differ). */
    synchronized BucketStore.Take take(List<Limit> newLimits, long nowNanos) {
        if (newLimits != limits) {
            adopt(newLimits, nowNanos);
        }
        state.refillAllBandwidth(nowNanos);
        if (state.getAvailableTokens() < 1) {
            return BucketStore.Take.refused(
                    Duration.ofNanos(state.calculateDelayNanosAfterWillBePossibleToConsume(1, nowNanos, true)));
        }
        state.consume(1);
        return BucketStore.Take.granted(new BucketStore.Snapshot(instant(nowNanos), state.copy()));
    }

    /** Gives back one token at {@code nowNanos}; never beyond a window's capacity. */
    synchronized void giveBack(long nowNanos) {
        state.refillAllBandwidth(nowNanos);
        state.addTokens(1);
    }

    /**
     * Takes {@code newLimits} unless they equal the limits it has: each window keeps what it used, by span
     * ({@link TokensInheritanceStrategy#ADDITIVE}, see {@link Buckets}).
     */
    private void adopt(List<Limit> newLimits, long nowNanos) {
        if (!limits.equals(newLimits)) {
            state.refillAllBandwidth(nowNanos);
            state = state.replaceConfiguration(
                    Buckets.configuration(newLimits), TokensInheritanceStrategy.ADDITIVE, nowNanos);
            idleNanos = Buckets.refillTime(newLimits).toNanos(); // what is left refills within the new longest span
        }
        limits = newLimits;
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
