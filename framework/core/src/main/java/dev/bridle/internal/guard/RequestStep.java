package dev.bridle.internal.guard;

import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of the decision plan that runs before the guards and completes the request with what they must see (the users
 * an @mention reaches, who then need consent like any other target), or refuses it. Like a guard it has a name, written
 * to the ledger when it refuses, and a latency budget, and the {@link GuardChain} runs it the same way: a step that
 * throws, answers nothing or runs past its budget denies the action.
 */
public interface RequestStep {

    /** The name the ledger records when this step refuses. */
    String name();

    /** The restricted-use rule the step serves, as {@code bridle check} prints the plan; empty if none. */
    default Optional<Rule> rule() {
        return Optional.empty();
    }

    /** How long the step may take before the chain denies the action for it. */
    Duration budget();

    /** The request as the guards are to see it, or a refusal. */
    Outcome apply(ActionRequest request) throws Exception;

    /** What a step made of a request. */
    sealed interface Outcome {

        /** The request to go on with: the one given, or the same with more in it. */
        record Completed(ActionRequest request) implements Outcome {
            public Completed {
                Objects.requireNonNull(request, "request");
            }
        }

        /** The action is refused with {@code verdict}, which is not an allow. */
        record Refused(Verdict verdict) implements Outcome {
            public Refused {
                if (verdict.allows()) {
                    throw new IllegalArgumentException("a refusal cannot allow");
                }
            }
        }
    }
}
