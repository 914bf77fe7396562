package dev.bridle.internal.guard;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;

/**
 * Dry-run mode (rule {@link Rule#SEPARATE_ENVIRONMENTS}): runs last, so every other guard has had its say and the
 * ledger records what would have happened, then denies so that nothing is sent. It covers every kind of action, follows
 * and direct messages included.
 */
public final class DryRunGuard implements Guard {

    @Override
    public String name() {
        return "dry-run";
    }

    @Override
    public Verdict check(ActionRequest request) {
        return Verdict.deny(
                ReasonCode.DRY_RUN,
                "dry run: every guard allowed this "
                        + request.kind()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ') + ", but nothing is sent");
    }
}
