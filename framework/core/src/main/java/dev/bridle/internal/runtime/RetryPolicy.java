package dev.bridle.internal.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a platform call that certainly did not take effect is retried (exponential backoff, a few attempts:
 * {@link BackoffRetries}), and how long the platform is let settle before a call in doubt is reconciled
 * ({@link InDoubtSettling}; the platform's timelines are eventually consistent: a post may not show in the account's
 * timeline the moment it is made).
 *
 * @param attempts how many times a call that did not take effect is tried in all (at least 1)
 * @param firstBackoff the wait after the first failure; each later wait doubles
 * @param maxBackoff the longest wait
 * @param settle the wait before reading the platform to reconcile an in-doubt call
 * @param sleeper how waiting is done (tests pass one that does not wait)
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff, Duration settle, Sleeper sleeper) {

    /** Three attempts, 1 s then 2 s apart; 5 s to settle before reconciling. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5), Sleeper.THREAD);

    /** One attempt and no waiting: what failed stays failed (tests of what a failure gives back). */
    public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> {});

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The wait after the {@code failures}-th failure (from 1): first, doubled each time, capped. */
    public Duration backoff(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Waits {@code duration} with the sleeper; false if interrupted (the interrupt is kept). */
    boolean pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return true;
        }
        try {
            sleeper.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** This policy, waiting with {@code sleeper}. */
    public RetryPolicy withSleeper(Sleeper sleeper) {
        return new RetryPolicy(attempts, firstBackoff, maxBackoff, settle, sleeper);
    }

    /** Waits; tests replace it so that nothing waits. */
    @FunctionalInterface
    public interface Sleeper {
        /** Really sleeps. */
        Sleeper THREAD = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
