package dev.bridle.internal.optout;

import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * The last check before the platform call (rule {@link dev.bridle.bot.Rule#OPT_OUT}): the same decision as
 * {@link OptOutGuard}, read from the database every time, never from a cache. It runs after the ledger has recorded the
 * action as allowed, so an opt-out acknowledged before this check began always stops the send, whichever node recorded
 * it (invariant 3). A database that cannot answer in the guard's budget makes the chain deny (invariant 4).
 */
public final class OptOutFinalCheck implements Guard {

    private final OptOutRegistry optOuts;

    public OptOutFinalCheck(OptOutRegistry optOuts) {
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.OPT_OUT);
    }

    @Override
    public String name() {
        return "opt-out-final";
    }

    @Override
    public Verdict check(ActionRequest request) {
        return Suppressions.check(request, optOuts::status);
    }
}
