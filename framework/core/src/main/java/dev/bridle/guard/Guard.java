package dev.bridle.guard;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import java.time.Duration;
import java.util.Optional;

/**
 * One rule, checked against one action. A guard is a small final class that decides from data; the rule it enforces is
 * named in its Javadoc and in the {@link ReasonCode}s it returns.
 *
 * <p>A guard that throws, returns {@code null} or runs past its {@link #budget()} makes the chain deny with
 * {@link ReasonCode#GUARD_UNAVAILABLE}: Bridle fails closed.
 */
public interface Guard {

    /** How long a guard may take unless it says otherwise. */
    Duration DEFAULT_BUDGET = Duration.ofMillis(500);

    /** A short stable name, written to the ledger with every denial. */
    String name();

    /** Decides about {@code request}. */
    Verdict check(ActionRequest request) throws Exception;

    /**
     * The restricted-use rule this guard enforces, as {@code bridle check} prints the plan; empty for a guard that
     * enforces none of them itself (bookkeeping, a dry run).
     */
    default Optional<Rule> rule() {
        return Optional.empty();
    }

    /** The longest this guard may take before the chain gives up on it and denies. */
    default Duration budget() {
        return DEFAULT_BUDGET;
    }
}
