package dev.bridle.throttle;

import dev.bridle.action.ActionRequest;
import dev.bridle.action.Target;
import dev.bridle.action.TargetRole;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ReasonCode;
import dev.bridle.guard.ReservingGuard;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits automated contact with any one user (rule {@link dev.bridle.guard.Rule#NO_BULK_ACTIONS}):
 * at most {@link ThrottleSettings#targetContacts} replies, mentions and direct messages a day to
 * the same user, counted across all the operator's accounts. An action reaching several users
 * takes one token per user, from all or none; if one user's budget is used up the action is
 * deferred, {@link ReasonCode#THROTTLED_TARGET}, to when it is back. An account acting on its own
 * user (a thread of its own posts) is not contact.
 */
public final class TargetContactGuard implements ReservingGuard {

    private static final Set<TargetRole> CONTACT = Set.of(TargetRole.REPLIED_TO, TargetRole.MENTIONED, TargetRole.RECIPIENT);

    private final ThrottleSettings settings;
    private final BucketReservations reservations;

    public TargetContactGuard(ThrottleSettings settings, BucketStore buckets, Clock clock) {
        this.settings = settings;
        this.reservations = new BucketReservations(buckets, clock);
    }

    @Override
    public String name() {
        return "throttle-target";
    }

    @Override
    public Verdict check(ActionRequest request) {
        List<UserRef> users = request.targets().stream()
                .filter(t -> CONTACT.contains(t.role()))
                .map(Target::user)
                .filter(u -> !u.id().equals(request.account().userId()))
                .distinct()
                .toList();
        if (users.isEmpty()) {
            return Verdict.allow();
        }
        List<BucketReservations.Slot> slots = new ArrayList<>(users.size());
        for (UserRef user : users) {
            slots.add(new BucketReservations.Slot("contact:" + user.id(), settings.targetContacts()));
        }
        BucketReservations.Refusal refused = reservations.take(request, slots);
        if (refused == null) {
            return Verdict.allow();
        }
        return Verdict.defer(refused.until(), ReasonCode.THROTTLED_TARGET,
                users.get(refused.index()) + " has had as many automated replies, mentions and messages from the operator's accounts as allowed ("
                        + settings.targetContacts().stream().map(Limit::toString).collect(Collectors.joining(", "))
                        + "); the next may go at " + Spans.moment(refused.until()));
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
