package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits automated contact with any one user (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}): at most
 * {@link ThrottleSettings#targetContacts} replies, mentions and direct messages a day to the same user, counted across
 * all the operator's accounts. An action reaching several users takes one token per user, from all or none; if one
 * user's budget is used up the action is deferred, {@link ReasonCode#THROTTLED_TARGET}, to when it is back. An account
 * acting on its own user (a thread of its own posts) is not contact, and neither is a compliance message (the one
 * answer to a user's own STOP, START or HELP).
 */
public final class TargetContactGuard extends BucketGuard {

    private static final Set<TargetRole> CONTACT =
            Set.of(TargetRole.REPLIED_TO, TargetRole.MENTIONED, TargetRole.RECIPIENT);

    private final ThrottleSettings settings;

    public TargetContactGuard(ThrottleSettings settings, BucketStore buckets, Clock clock) {
        this(settings, buckets, PendingTakes.NONE, clock);
    }

    TargetContactGuard(ThrottleSettings settings, BucketStore buckets, PendingTakes pending, Clock clock) {
        super("throttle-target", buckets, pending, clock);
        this.settings = settings;
    }

    @Override
    public Verdict check(ActionRequest request) {
        if (request.origin() == ActionOrigin.COMPLIANCE) {
            // the one answer a user's own STOP, START or HELP asks for is not contact the bots chose to make
            return Verdict.allow();
        }
        List<UserRef> users = request.targets().stream()
                .filter(t -> CONTACT.contains(t.role()))
                .map(Target::user)
                .filter(u -> !u.id().equals(request.account().userId()))
                .distinct()
                .toList();
        List<BucketReservations.Slot> slots = users.stream()
                .map(u -> new BucketReservations.Slot("contact:" + u.id(), settings.targetContacts()))
                .toList();
        return take(
                request,
                slots,
                ReasonCode.THROTTLED_TARGET,
                refused -> users.get(refused.index())
                        + " has had as many automated replies, mentions and messages from the operator's accounts as allowed ("
                        + settings.targetContacts().stream()
                                .map(Limit::toString)
                                .collect(Collectors.joining(", "))
                        + "); the next may go at " + Spans.moment(refused.until()));
    }
}
