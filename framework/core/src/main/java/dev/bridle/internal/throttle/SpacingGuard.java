package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.List;

/**
 * Keeps one account's actions apart (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}, no bursts): at least
 * {@link ThrottleSettings#minSpacing} between two actions of the same account, whatever their kinds. An action that
 * comes too soon is deferred, {@link ReasonCode#TOO_SOON}, to when the spacing has passed.
 */
public final class SpacingGuard extends BucketGuard {

    private final List<Limit> spacing;

    public SpacingGuard(ThrottleSettings settings, BucketStore buckets, Clock clock) {
        this(settings, buckets, PendingTakes.NONE, clock);
    }

    SpacingGuard(ThrottleSettings settings, BucketStore buckets, PendingTakes pending, Clock clock) {
        super("throttle-spacing", buckets, pending, clock);
        this.spacing = List.of(Limit.of(1, settings.minSpacing()));
    }

    @Override
    public Verdict check(ActionRequest request) {
        String key = "spacing:" + ThrottleSettings.handleKey(request.account().handle());
        return take(
                request,
                List.of(new BucketReservations.Slot(key, spacing)),
                ReasonCode.TOO_SOON,
                refused -> request.account() + " acted less than "
                        + Spans.describe(spacing.get(0).per()) + " ago; the next action may go at "
                        + Spans.moment(refused.until()));
    }
}
