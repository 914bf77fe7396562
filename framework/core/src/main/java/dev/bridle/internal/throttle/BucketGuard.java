package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the token-bucket guards share: {@code check} takes a token from each of the request's buckets, all or none, and
 * defers the request when one has none left; {@code confirm} keeps the tokens, {@code release} gives them back. Each
 * rule stays in its own final subclass, which chooses the buckets and words the deferral.
 */
abstract class BucketGuard implements ReservingGuard {

    private final String name;
    private final BucketReservations reservations;

    BucketGuard(String name, BucketStore buckets, PendingTakes pending, Clock clock) {
        this.name = name;
        this.reservations = new BucketReservations(buckets, pending, clock);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.NO_BULK_ACTIONS);
    }

    /**
     * Takes a token from every slot, or from none; allows if it took them (or there were none), else defers to when the
     * refused bucket has a token again.
     *
     * @param why the deferral's message, from the refusal (which slot, and until when)
     */
    final Verdict take(
            ActionRequest request,
            List<BucketReservations.Slot> slots,
            ReasonCode reason,
            Function<BucketReservations.Refusal, String> why) {
        BucketReservations.Refusal refused = reservations.take(request, slots);
        if (refused == null) {
            return Verdict.allow();
        }
        return Verdict.defer(refused.until(), reason, why.apply(refused));
    }

    @Override
    public final void confirm(ActionRequest request, String platformId) {
        reservations.confirm(request);
    }

    @Override
    public final void release(ActionRequest request) {
        reservations.release(request);
    }
}
