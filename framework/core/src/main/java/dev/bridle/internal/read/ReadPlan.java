package dev.bridle.internal.read;

import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.health.AccountHealth;
import java.util.List;
import java.util.Optional;

/**
 * The rules every read passes before it is made, in order; the first refusal wins. Fail closed: a step that throws
 * refuses the read ({@code GUARD_UNAVAILABLE}), as the action chain does.
 */
public final class ReadPlan {

    private final List<ReadStep> steps;

    public ReadPlan(List<ReadStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The bot's purposes must need the read, and a search query or stream rule must watch nothing forbidden (for tests
     * of those two steps; the runtime's plan is {@link #standard(QueryScreen, AccountHealth)}).
     */
    public static ReadPlan standard(QueryScreen queries) {
        return new ReadPlan(List.of(new PurposeReadStep(), new WatchRuleStep(queries)));
    }

    /**
     * The runtime's plan: purposes, watch rules, and no read as an account the platform refused until it is resumed.
     */
    public static ReadPlan standard(QueryScreen queries, AccountHealth health) {
        return new ReadPlan(
                List.of(new PurposeReadStep(), new WatchRuleStep(queries), new AccountPauseReadStep(health)));
    }

    /** The steps, in order. */
    public List<ReadStep> steps() {
        return steps;
    }

    /** Why {@code request} may not be made, or empty if every step allows it. */
    public Optional<ReadRefusal> check(ReadRequest request) {
        for (ReadStep step : steps) {
            Optional<ReadRefusal> refusal;
            try {
                refusal = step.check(request);
            } catch (RuntimeException e) {
                return Optional.of(new ReadRefusal(
                        ReasonCode.GUARD_UNAVAILABLE,
                        step.name(),
                        step.name() + " could not decide (" + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "), so the read is refused"));
            }
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
