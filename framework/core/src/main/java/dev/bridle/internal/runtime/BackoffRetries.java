package dev.bridle.internal.runtime;

import dev.bridle.guard.ActionRequest;
import dev.bridle.platform.PlatformException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a platform call that certainly did not take effect (connection refused) is tried again, and the wait before
 * it: exponential backoff, a few attempts in all ({@link RetryPolicy}). The dispatcher runs the final checks again
 * before the retry, so an opt-out or a consent withdrawal recorded during the wait stops it.
 */
final class BackoffRetries {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    private final RetryPolicy policy;

    BackoffRetries(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * After the {@code failures}-th call of {@code request} (from 1) failed with {@code e} without taking effect: waits
     * the backoff and returns true if there is an attempt left; false if there is none or the wait was interrupted.
     */
    boolean waitToRetry(ActionRequest request, int failures, PlatformException e) {
        if (failures >= policy.attempts()) {
            return false;
        }
        Duration wait = policy.backoff(failures);
        log.warn(
                "action {} did not reach the platform ({}); trying again in {} ms",
                request.requestId(),
                Errors.describe(e),
                wait.toMillis());
        return policy.pause(wait);
    }

    /** Why the action failed after {@code failures} calls that did not take effect, the last with {@code e}. */
    static String gaveUp(int failures, PlatformException e) {
        return "not applied (" + failures + (failures == 1 ? " attempt" : " attempts") + "): " + Errors.describe(e);
    }
}
