package dev.bridle.throttle;

import dev.bridle.action.ActionRequest;
import dev.bridle.guard.ReasonCode;
import dev.bridle.guard.ReservingGuard;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.List;

/**
 * Keeps one account's actions apart (rule {@link dev.bridle.guard.Rule#NO_BULK_ACTIONS}, no
 * bursts): at least {@link ThrottleSettings#minSpacing} between two actions of the same account,
 * whatever their kinds. An action that comes too soon is deferred, {@link ReasonCode#TOO_SOON},
 * to when the spacing has passed.
 */
public final class SpacingGuard implements ReservingGuard {

    private final List<Limit> spacing;
    private final BucketReservations reservations;

    public SpacingGuard(ThrottleSettings settings, BucketStore buckets, Clock clock) {
        this.spacing = List.of(Limit.of(1, settings.minSpacing()));
        this.reservations = new BucketReservations(buckets, clock);
    }

    @Override
    public String name() {
        return "throttle-spacing";
    }

    @Override
    public Verdict check(ActionRequest request) {
        String key = "spacing:" + ThrottleSettings.handleKey(request.account().handle());
        BucketReservations.Refusal refused = reservations.take(request, List.of(new BucketReservations.Slot(key, spacing)));
        if (refused == null) {
            return Verdict.allow();
        }
        return Verdict.defer(refused.until(), ReasonCode.TOO_SOON,
                request.account() + " acted less than " + Spans.describe(spacing.get(0).per())
                        + " ago; the next action may go at " + Spans.moment(refused.until()));
    }

    @Override
    public void confirm(ActionRequest request, String platformId) {
        reservations.confirm(request);
    }

    @Override
    public void release(ActionRequest request) {
        reservations.release(request);
    }
}
