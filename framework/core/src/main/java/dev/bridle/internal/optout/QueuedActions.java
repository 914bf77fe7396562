package dev.bridle.internal.optout;

/**
 * Actions waiting to be sent later (deferred by a throttle, queued by the scheduler). When a user opts out, the actions
 * towards them are cancelled here; any that escape are still stopped by {@link OptOutFinalCheck} before they reach the
 * platform.
 */
@FunctionalInterface
public interface QueuedActions {

    /** No queue: nothing to cancel. */
    QueuedActions NONE = userId -> 0;

    /**
     * Cancels every waiting action that reaches {@code userId}, from every account (where the scope of an opt-out is
     * unclear, all); returns how many were cancelled.
     */
    int cancelTowards(String userId);
}
