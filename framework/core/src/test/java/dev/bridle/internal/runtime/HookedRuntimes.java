package dev.bridle.internal.runtime;

import dev.bridle.guard.Guard;
import dev.bridle.internal.config.BridleConfig;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Opens the package-private {@link RuntimeHooks} to tests in other packages (the reliability tests): a runtime
 * assembled exactly as {@code bridle run} assembles it, except that the dispatcher waits with the test's retry policy
 * and the final checks are wrapped by the test.
 */
public final class HookedRuntimes {

    private HookedRuntimes() {}

    /**
     * A runtime for {@code config} on {@code platform}.
     *
     * @param retry what the dispatcher waits with (a {@link RetryPolicy.Sleeper} that does not sleep)
     * @param finalChecks given the final checks, the guards to build the final-check chain from
     */
    public static BridleRuntime create(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            RetryPolicy retry,
            UnaryOperator<List<Guard>> finalChecks) {
        return BridleRuntime.create(
                config, platform, clock, RuntimeOptions.defaults().hooks(new RuntimeHooks(retry, finalChecks)));
    }
}
