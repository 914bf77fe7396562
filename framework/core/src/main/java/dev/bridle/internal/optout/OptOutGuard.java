package dev.bridle.internal.optout;

import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * Opt-outs are honoured at once and for every kind of action (rule {@link dev.bridle.bot.Rule#OPT_OUT}): denies
 * {@link dev.bridle.bot.ReasonCode#OPTED_OUT} when any user the action reaches (replied to, mentioned, messaged,
 * followed, or the author of a post liked or reposted) has opted out of contact from the acting account, or wrote
 * something that may be an opt-out. Unfollows pass: they end contact.
 *
 * <p>Runs early in the chain, from the registry's cache, so that an opted-out user costs no reservation in later
 * guards. It is not the last word: {@link OptOutFinalCheck} reads the database just before the platform call. A store
 * that cannot answer makes the guard throw, and the chain deny.
 */
public final class OptOutGuard implements Guard {

    private final OptOutRegistry optOuts;

    public OptOutGuard(OptOutRegistry optOuts) {
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.OPT_OUT);
    }

    @Override
    public String name() {
        return "opt-out";
    }

    @Override
    public Verdict check(ActionRequest request) {
        return Suppressions.check(request, optOuts::cachedStatus);
    }
}
