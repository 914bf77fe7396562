package dev.bridle.internal.consent;

import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explicit consent before automated contact (rule {@link dev.bridle.bot.Rule#AUTOMATED_CONTACT_CONSENT}): every user an
 * action reaches needs a live consent for the scope of the role it reaches them in, on the acting account. A reply
 * needs {@code reply} from the user replied to, every @mentioned user needs {@code mention}, a direct message needs
 * {@code dm} from its recipient, a follow needs {@code follow}. Unfollowing, liking and reposting need no consent, nor
 * does a post that reaches nobody; a reply to a post whose author is not known is denied, since nobody's consent can be
 * checked. Denials say who and which scope: {@link dev.bridle.bot.ReasonCode#NO_CONSENT},
 * {@link dev.bridle.bot.ReasonCode#CONSENT_SCOPE}, {@link dev.bridle.bot.ReasonCode#CONSENT_EXPIRED}.
 *
 * <p>Reads the registry's cache ({@link ConsentRegistry#cachedState}); {@link ConsentFinalCheck} makes the same
 * decision from the database just before each platform call. A store that cannot answer makes the guard throw, and the
 * chain deny. A compliance message is exempt towards the user it answers only ({@link ActionRequest#answers}).
 *
 * <p>A single-use interaction consent (a mention with the configured hashtag) covers a reply to that mention only, and
 * once: when the reply is sent, or may have been, the grant is marked used. Two replies racing for one grant are
 * stopped by the one-reply-per-interaction throttle.
 */
public final class ConsentGuard implements ReservingGuard {

    private static final Logger log = LoggerFactory.getLogger(ConsentGuard.class);

    private final ConsentRegistry consents;
    private final Clock clock;
    /** Single-use grants an allowed request relies on, until it is confirmed or released. */
    private final Map<UUID, List<ConsentEvent>> pendingUses = new ConcurrentHashMap<>();

    public ConsentGuard(ConsentRegistry consents, Clock clock) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.AUTOMATED_CONTACT_CONSENT);
    }

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public Verdict check(ActionRequest request) {
        List<ConsentEvent> singleUse = new ArrayList<>(1);
        Verdict verdict = ConsentCoverageCheck.check(request, consents::cachedState, clock.instant(), singleUse);
        if (verdict.allows() && !singleUse.isEmpty()) {
            pendingUses.put(request.requestId(), singleUse);
        }
        return verdict;
    }

    /** Marks the single-use grants the request relied on as used. */
    @Override
    public void confirm(ActionRequest request, String platformId) {
        List<ConsentEvent> used = pendingUses.remove(request.requestId());
        if (used == null) {
            return;
        }
        for (ConsentEvent grant : used) {
            try {
                consents.markUsed(grant, request.requestId());
            } catch (RuntimeException e) {
                log.error(
                        "could not mark the single-use consent {} of user {} as used",
                        grant.eventId(),
                        grant.subjectId(),
                        e);
            }
        }
    }

    @Override
    public void release(ActionRequest request) {
        pendingUses.remove(request.requestId());
    }
}
