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
 *
 * <p>This is the one place a dry run is enforced; the platform adapter has no dry-run mode and sends what it is asked.
 * Why here: every refusal belongs to the decision plan, where it is ledgered with its rule like any other, and every
 * write passes the plan, since the dispatcher is the only caller of {@code Platform#perform} and runs the chain before
 * it: bot actions, deferred actions when they run (queued before the dry run began too), Bridle's own compliance
 * messages (opt-out confirmations, opt-in acknowledgements, help, the question), and replies to what the webhook
 * pushes. Nothing is allowed, so nothing reaches a send or an in-doubt retry. {@code DryRunEndToEndTest} drives each
 * path against the sandbox.
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
