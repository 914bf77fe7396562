package dev.bridle.internal.runtime;

import dev.bridle.guard.Guard;
import dev.bridle.internal.schedule.BotScheduler;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Test hooks into an assembled {@link BridleRuntime}, package-private: production code always gets {@link #NONE}, and
 * only Bridle's own tests reach the others (through {@code dev.bridle.internal.runtime.HookedRuntimes} in the test
 * sources). They change what the runtime waits with and lets a test watch the final checks; they change no decision.
 *
 * @param retry the dispatcher's retry policy: tests pass {@link RetryPolicy#DEFAULT} with a {@link RetryPolicy.Sleeper}
 *     that does not sleep, so that a settle wait costs no real time
 * @param finalChecks given the final checks in their order, returns the guards the final-check chain is built from:
 *     tests wrap them in recording guards that always allow, to see when each final check began and which platform call
 *     it preceded
 * @param schedulerName the Quartz scheduler's instance name: Quartz allows one scheduler of a name per JVM, so tests
 *     that run two nodes in one JVM name them apart
 */
record RuntimeHooks(RetryPolicy retry, UnaryOperator<List<Guard>> finalChecks, String schedulerName) {

    /** What production runs: the default retry policy, the final checks as they are, the default scheduler name. */
    static final RuntimeHooks NONE =
            new RuntimeHooks(RetryPolicy.DEFAULT, UnaryOperator.identity(), BotScheduler.DEFAULT_INSTANCE_NAME);

    RuntimeHooks {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(finalChecks, "finalChecks");
        Objects.requireNonNull(schedulerName, "schedulerName");
    }

    /** As production runs, with the final checks and retry policy given. */
    RuntimeHooks(RetryPolicy retry, UnaryOperator<List<Guard>> finalChecks) {
        this(retry, finalChecks, BotScheduler.DEFAULT_INSTANCE_NAME);
    }

    /** These hooks with the scheduler named {@code name}. */
    RuntimeHooks named(String name) {
        return new RuntimeHooks(retry, finalChecks, name);
    }
}
