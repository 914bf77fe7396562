package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.List;

/**
 * Caps bulk following of one user by the operator's accounts (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}, bulk
 * following): at most {@link FollowRules#maxAccountsPerUser} follows of the same user within
 * {@link FollowRules#accountsWindow}, all accounts together. A follow over the cap is deferred,
 * {@link ReasonCode#THROTTLED_CROSS_ACCOUNT}, to when the oldest one has aged out of the window.
 */
public final class FollowCapGuard extends BucketGuard {

    private final List<Limit> cap;

    public FollowCapGuard(ThrottleSettings settings, BucketStore buckets, Clock clock) {
        this(settings, buckets, PendingTakes.NONE, clock);
    }

    FollowCapGuard(ThrottleSettings settings, BucketStore buckets, PendingTakes pending, Clock clock) {
        super("throttle-follow-cap", buckets, pending, clock);
        this.cap = List.of(settings.follows().accountsLimit());
    }

    @Override
    public Verdict check(ActionRequest request) {
        if (request.kind() != ActionKind.FOLLOW) {
            return Verdict.allow();
        }
        List<UserRef> followed = request.targets().stream()
                .filter(t -> t.role() == TargetRole.FOLLOWED)
                .map(Target::user)
                .distinct()
                .toList();
        List<BucketReservations.Slot> slots = followed.stream()
                .map(u -> new BucketReservations.Slot("follow-cap:" + u.id(), cap))
                .toList();
        Limit limit = cap.get(0);
        return take(
                request,
                slots,
                ReasonCode.THROTTLED_CROSS_ACCOUNT,
                refused -> "the operator's accounts already followed " + followed.get(refused.index()) + " "
                        + limit.count() + " time(s) within " + Spans.describe(limit.per())
                        + "; another follow may go at " + Spans.moment(refused.until()));
    }
}
