package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.config.Environment;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.testing.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan {@code bridle check} prints is the plan a runtime decides by: both come from {@link DecisionPlan#of}, and
 * this compares the printed lines with a running runtime's own plan, for a plain and a dry-run configuration.
 */
class DecisionPlanTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-28T09:00:00Z");

    private BridleConfig config(boolean dryRun, Path store) {
        return new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("plan-dev", "testing"),
                dryRun,
                TestStores.h2(store),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme", null)),
                List.of());
    }

    private List<String> running(BridleConfig config) {
        try (TestSandbox world = TestSandbox.start(config, clock);
                BridleRuntime runtime = BridleRuntime.create(
                        world.config(),
                        feedback -> PlatformFactory.connect(world.config(), clock, feedback),
                        clock,
                        RuntimeOptions.defaults())) {
            return runtime.plan().describe();
        }
    }

    @Test
    void thePrintedPlanIsTheRunningOneStepForStep() throws Exception {
        BridleConfig config = config(false, Files.createDirectories(dir.resolve("a")));

        List<String> printed = BridleRuntime.describePlan(config);

        assertThat(printed).isEqualTo(running(config));
        assertThat(printed.get(1)).contains("step", "mentions", "AUTOMATED_CONTACT_CONSENT", "45000 ms");
        assertThat(printed).anySatisfy(l -> assertThat(l).contains("guard", "opt-out", "OPT_OUT", "500 ms"));
        assertThat(printed).noneSatisfy(l -> assertThat(l).contains("dry-run"));
    }

    @Test
    void aDryRunEndsTheChainWithTheDryRunGuard() throws Exception {
        BridleConfig config = config(true, Files.createDirectories(dir.resolve("b")));

        List<String> printed = BridleRuntime.describePlan(config);

        assertThat(printed).isEqualTo(running(config));
        int finals = printed.indexOf(printed.stream()
                .filter(l -> l.startsWith("Final checks"))
                .findFirst()
                .orElseThrow());
        assertThat(printed.get(finals - 1)).contains("guard", "dry-run");
    }

    @Test
    void describingThePlanLeavesTheConfiguredStoreUntouched() {
        BridleConfig config = config(false, dir.resolve("untouched"));

        BridleRuntime.describePlan(config);

        assertThat(dir.resolve("untouched")).doesNotExist();
    }
}
