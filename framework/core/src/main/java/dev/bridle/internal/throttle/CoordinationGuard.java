package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * No simultaneous likes, reposts or follows of one target by several of the operator's accounts (rule
 * {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}; the automation rules: "do not simultaneously perform actions such as
 * Likes, Retweets, or follows from multiple accounts"). After one account likes or reposts a post, or follows a user,
 * the same action on the same target by any account is deferred, {@link ReasonCode#THROTTLED_CROSS_ACCOUNT}, until
 * {@link ThrottleSettings#coordinationWindow} has passed. The acting account itself is held too, which costs nothing:
 * liking a post twice or following a user twice does nothing on the platform.
 */
public final class CoordinationGuard extends BucketGuard {

    private final List<Limit> window;

    public CoordinationGuard(ThrottleSettings settings, BucketStore buckets, Clock clock) {
        this(settings, buckets, PendingTakes.NONE, clock);
    }

    CoordinationGuard(ThrottleSettings settings, BucketStore buckets, PendingTakes pending, Clock clock) {
        super("throttle-coordination", buckets, pending, clock);
        this.window = List.of(Limit.of(1, settings.coordinationWindow()));
    }

    @Override
    public Verdict check(ActionRequest request) {
        Optional<String> target = target(request);
        if (target.isEmpty()) {
            return Verdict.allow();
        }
        String key = "coordination:" + request.kind().name() + ":" + target.get();
        return take(
                request,
                List.of(new BucketReservations.Slot(key, window)),
                ReasonCode.THROTTLED_CROSS_ACCOUNT,
                refused -> "one of the operator's accounts did the same " + ThrottleSettings.configName(request.kind())
                        + " of "
                        + target.get().replace(':', ' ') + " less than "
                        + Spans.describe(window.get(0).per())
                        + " ago; this one may go at " + Spans.moment(refused.until()));
    }

    private static Optional<String> target(ActionRequest request) {
        if (request.kind() == ActionKind.LIKE || request.kind() == ActionKind.REPOST) {
            return Optional.ofNullable(request.post()).map(p -> "post:" + p.id());
        }
        if (request.kind() == ActionKind.FOLLOW) {
            return request.targets().stream()
                    .filter(t -> t.role() == TargetRole.FOLLOWED)
                    .map(Target::user)
                    .findFirst()
                    .map(u -> "user:" + u.id());
        }
        return Optional.empty();
    }
}
