package dev.bridle.internal.optout;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.consent.Accounts;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The decision both opt-out guards make, from whichever state they read. */
final class Suppressions {

    private Suppressions() {}

    /**
     * Denies {@link ReasonCode#OPTED_OUT} if any user the request reaches has suppressed contact from its account.
     * Unfollowing is let through: it takes the bot away from the user, which is what an opt-out asks, and the platform
     * does not notify it. A compliance message is let through towards the user it answers only.
     */
    static Verdict check(ActionRequest request, Function<String, OptOutStatus> statusOf) {
        for (Target target : request.targets()) {
            if (target.role() == TargetRole.UNFOLLOWED || request.answers(target)) {
                continue;
            }
            Optional<OptOutEvent> why = statusOf.apply(target.user().id())
                    .suppression(request.account().handle());
            if (why.isPresent()) {
                return Verdict.deny(ReasonCode.OPTED_OUT, message(target, why.get()));
            }
        }
        return Verdict.allow();
    }

    private static String message(Target target, OptOutEvent e) {
        String where = Accounts.describe(e.account());
        String how = " ("
                + e.evidence().channel().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (e.trigger().rule() == null ? "" : ", rule " + e.trigger().rule()) + ")";
        return e.type() == OptOutEventType.OPTED_OUT
                ? target.user() + " opted out of contact from " + where + " at " + e.at() + how
                : target.user() + " wrote what may be an opt-out at " + e.at() + how + "; contact from " + where
                        + " is paused until they confirm or opt back in";
    }
}
