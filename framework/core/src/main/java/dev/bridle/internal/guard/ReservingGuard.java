package dev.bridle.internal.guard;

import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;

/**
 * A guard whose allow takes something: a throttle token, a duplicate-content reservation. The reservation is made
 * inside {@link #check} so that checking and taking are one atomic step (two identical posts at the same moment cannot
 * both pass), and it is settled afterwards:
 *
 * <ul>
 *   <li>{@link #confirm} when the action was sent, or may have been (in doubt): it counts;
 *   <li>{@link #release} when it was not: a later guard denied or deferred it, the final check stopped it, or the
 *       platform certainly did not apply it.
 * </ul>
 *
 * The {@link GuardChain} releases on a later denial by itself; the dispatcher settles the rest. Both methods are
 * idempotent, safe to call when nothing was reserved, and must not throw.
 */
public interface ReservingGuard extends Guard {

    /** The reservation made for {@code request} stands; {@code platformId} is {@code null} when in doubt. */
    void confirm(ActionRequest request, String platformId);

    /** Gives back what was reserved for {@code request}, if anything. */
    void release(ActionRequest request);
}
