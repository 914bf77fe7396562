package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops follow churn (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}: "automated un-following", aggressive
 * follow/unfollow): an account may not unfollow a user it followed less than {@link FollowRules#noUnfollowWithin} ago,
 * nor follow again a user it unfollowed less than {@link FollowRules#noRefollowWithin} ago. Either is deferred,
 * {@link ReasonCode#FOLLOW_CHURN}, to the end of that span (or dropped, if the bot drops throttled actions).
 *
 * <p>It takes nothing in {@code check}; it writes the {@link FollowHistory} when a follow or unfollow is confirmed
 * (sent, or in doubt, which counts as done).
 */
public final class FollowChurnGuard implements ReservingGuard {

    private static final Logger log = LoggerFactory.getLogger(FollowChurnGuard.class);

    private final FollowRules rules;
    private final FollowHistory history;
    private final Clock clock;

    public FollowChurnGuard(ThrottleSettings settings, FollowHistory history, Clock clock) {
        this.rules = settings.follows();
        this.history = history;
        this.clock = clock;
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.NO_BULK_ACTIONS);
    }

    @Override
    public String name() {
        return "throttle-follow-churn";
    }

    @Override
    public Verdict check(ActionRequest request) {
        ActionKind kind = request.kind();
        if (kind != ActionKind.FOLLOW && kind != ActionKind.UNFOLLOW) {
            return Verdict.allow();
        }
        Instant now = clock.instant();
        String account = request.account().handle();
        for (Target target : request.targets()) {
            UserRef user = target.user();
            if (kind == ActionKind.FOLLOW && target.role() == TargetRole.FOLLOWED) {
                Instant unfollowed = history.latest(account, user.id()).unfollowed();
                if (unfollowed != null && now.isBefore(unfollowed.plus(rules.noRefollowWithin()))) {
                    Instant until = unfollowed.plus(rules.noRefollowWithin());
                    return Verdict.defer(
                            until,
                            ReasonCode.FOLLOW_CHURN,
                            request.account() + " unfollowed " + user + " at "
                                    + unfollowed + "; following again within "
                                    + Spans.describe(rules.noRefollowWithin())
                                    + " is churn, so not before " + Spans.moment(until));
                }
            }
            if (kind == ActionKind.UNFOLLOW && target.role() == TargetRole.UNFOLLOWED) {
                Instant followed = history.latest(account, user.id()).followed();
                if (followed != null && now.isBefore(followed.plus(rules.noUnfollowWithin()))) {
                    Instant until = followed.plus(rules.noUnfollowWithin());
                    return Verdict.defer(
                            until,
                            ReasonCode.FOLLOW_CHURN,
                            request.account() + " followed " + user + " at "
                                    + followed + "; unfollowing within " + Spans.describe(rules.noUnfollowWithin())
                                    + " is churn, so not before " + Spans.moment(until));
                }
            }
        }
        return Verdict.allow();
    }

    @Override
    public void confirm(ActionRequest request, String platformId) {
        Instant now = clock.instant();
        String account = request.account().handle();
        for (Target target : request.targets()) {
            try {
                if (request.kind() == ActionKind.FOLLOW && target.role() == TargetRole.FOLLOWED) {
                    history.recordFollow(account, target.user().id(), now);
                } else if (request.kind() == ActionKind.UNFOLLOW && target.role() == TargetRole.UNFOLLOWED) {
                    history.recordUnfollow(account, target.user().id(), now);
                }
            } catch (RuntimeException e) {
                log.error(
                        "could not record the {} of {} by {}; the churn rule will not see it",
                        request.kind(),
                        target.user(),
                        request.account(),
                        e);
            }
        }
    }

    @Override
    public void release(ActionRequest request) {
        // Nothing was taken in check.
    }
}
