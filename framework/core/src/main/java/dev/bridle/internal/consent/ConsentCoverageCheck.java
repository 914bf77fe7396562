package dev.bridle.internal.consent;

import dev.bridle.bot.ReasonCode;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The decision both consent checks make ({@link ConsentGuard} from the cache, {@link ConsentFinalCheck} from the
 * database): every user the request reaches has a live consent for the scope of the role it reaches them in, on the
 * acting account.
 */
final class ConsentCoverageCheck {

    private ConsentCoverageCheck() {}

    /**
     * Allows, or denies naming the first user not covered. The single-use interaction grants an allow relies on are
     * added to {@code singleUse}.
     */
    static Verdict check(
            ActionRequest request, Function<String, ConsentState> stateOf, Instant now, List<ConsentEvent> singleUse) {
        if (request.kind() == ActionKind.REPLY
                && request.targets().stream().noneMatch(t -> t.role() == TargetRole.REPLIED_TO)) {
            // A reply reaches the post's author: not knowing who that is, we cannot know they agreed.
            return Verdict.deny(
                    ReasonCode.NO_CONSENT,
                    "the author of post "
                            + (request.post() == null
                                    ? "(none)"
                                    : request.post().id())
                            + " is not known, so their consent to a reply cannot be checked");
        }
        String interaction = request.kind() == ActionKind.REPLY ? request.inboundId() : null;
        for (Target target : request.targets()) {
            Optional<ConsentScope> needed = ConsentScope.forRole(target.role());
            if (needed.isEmpty() || request.answers(target)) {
                continue;
            }
            Coverage coverage = stateOf.apply(target.user().id())
                    .coverage(
                            needed.get(),
                            request.account().handle(),
                            now,
                            target.role() == TargetRole.REPLIED_TO ? interaction : null);
            if (!coverage.covered()) {
                return deny(request, target, coverage);
            }
            if (coverage.event().isInteraction()) {
                singleUse.add(coverage.event());
            }
        }
        return Verdict.allow();
    }

    private static Verdict deny(ActionRequest request, Target target, Coverage c) {
        String who = target.user() + " on " + request.account();
        String scope = c.scope().wireName();
        return switch (c.kind()) {
            case EXPIRED ->
                Verdict.deny(
                        ReasonCode.CONSENT_EXPIRED,
                        "the consent of " + who + " to " + scope + " expired at "
                                + c.event().expiresAt());
            case OTHER_SCOPES ->
                Verdict.deny(
                        ReasonCode.CONSENT_SCOPE,
                        who + " consented to " + ConsentScope.toList(c.event().scopes()) + ", not to " + scope);
            case WITHDRAWN ->
                Verdict.deny(
                        ReasonCode.NO_CONSENT,
                        who + " withdrew consent to " + scope + " at "
                                + c.event().at());
            case NONE -> Verdict.deny(ReasonCode.NO_CONSENT, "no consent from " + who + " to " + scope);
            case COVERED -> throw new IllegalArgumentException("not a denial");
        };
    }
}
