package dev.bridle.internal.consent;

import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/**
 * The consent half of the last check before each platform call (rule
 * {@link dev.bridle.bot.Rule#AUTOMATED_CONTACT_CONSENT}): the same decision as {@link ConsentGuard}, read from the
 * database every time, never from a cache. It runs immediately before every call, the first and each retry, so a
 * consent withdrawn while an action waited (for a backoff, or to reconcile a call in doubt) stops it. A database that
 * cannot answer in the guard's budget makes the chain deny.
 */
public final class ConsentFinalCheck implements Guard {

    private final ConsentRegistry consents;
    private final Clock clock;

    public ConsentFinalCheck(ConsentRegistry consents, Clock clock) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.AUTOMATED_CONTACT_CONSENT);
    }

    @Override
    public String name() {
        return "consent-final";
    }

    @Override
    public Verdict check(ActionRequest request) {
        // a single-use grant is marked used when the send is confirmed; here it only has to cover
        return ConsentCoverageCheck.check(request, consents::state, clock.instant(), new ArrayList<>(1));
    }
}
