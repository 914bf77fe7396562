package dev.bridle.internal.runtime;

import com.twitter.twittertext.Extractor;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.RequestStep;
import dev.bridle.internal.platform.HandleResolver;
import dev.bridle.platform.PlatformException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first step of the plan: every user a bot's post or reply @mentions is added to its targets
 * ({@link TargetRole#MENTIONED}), so that consent, opt-out and the throttles see them as they see the person replied
 * to. A mention that names no user, or that cannot be looked up, refuses the action: without the user there is no
 * consent to find, and Bridle fails closed. The account's own handle is no one to ask; a handle already among the
 * targets (a deferred action's second run) is not added twice. Bridle's compliance messages are left alone: they refuse
 * mentions themselves ({@code ComplianceReplies}).
 */
final class MentionStep implements RequestStep {

    /** The step's name in the ledger. */
    static final String NAME = "mentions";

    /**
     * A lookup is a platform call, bounded by the adapter's own timeouts (10 s to connect, 30 s to read by default);
     * the budget is above them, so the step refuses for time only when those did not end the call.
     */
    static final Duration BUDGET = Duration.ofSeconds(45);

    private static final Set<ActionKind> WITH_MENTIONS = Set.of(ActionKind.POST, ActionKind.REPLY);
    private static final Extractor MENTIONS = new Extractor();

    private final HandleResolver handles;

    MentionStep(HandleResolver handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.AUTOMATED_CONTACT_CONSENT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration budget() {
        return BUDGET;
    }

    @Override
    public Outcome apply(ActionRequest request) {
        if (request.origin() != ActionOrigin.BOT || !WITH_MENTIONS.contains(request.kind())) {
            return new Outcome.Completed(request);
        }
        List<Target> targets = new ArrayList<>(request.targets());
        for (String handle : newHandles(request)) {
            Optional<UserRef> user;
            try {
                user = handles.resolve(request.account(), handle);
            } catch (PlatformException | RuntimeException e) {
                return new Outcome.Refused(Verdict.deny(
                        ReasonCode.GUARD_UNAVAILABLE,
                        "could not look up @" + handle + " to check consent (" + Errors.describe(e) + ")"));
            }
            if (user.isEmpty()) {
                return new Outcome.Refused(Verdict.deny(
                        ReasonCode.NO_CONSENT,
                        "@" + handle + " is not a known user, so there is no consent to mention them"));
            }
            targets.add(new Target(user.get(), TargetRole.MENTIONED));
        }
        if (targets.size() == request.targets().size()) {
            return new Outcome.Completed(request);
        }
        return new Outcome.Completed(new ActionRequest(
                request.requestId(),
                request.botName(),
                request.account(),
                request.kind(),
                request.text(),
                targets,
                request.post(),
                request.inboundId(),
                request.requestedAt(),
                request.origin()));
    }

    /** The @handles in the text, in order, without the account itself and those already mentioned. */
    private static Set<String> newHandles(ActionRequest request) {
        Set<String> known = new LinkedHashSet<>();
        known.add(key(request.account().handle()));
        for (Target t : request.targets()) {
            if (t.role() == TargetRole.MENTIONED && t.user().handle() != null) {
                known.add(key(t.user().handle()));
            }
        }
        Set<String> found = new LinkedHashSet<>();
        for (String h : MENTIONS.extractMentionedScreennames(request.text())) {
            if (!known.contains(key(h))) {
                found.add(h);
            }
        }
        return found;
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
