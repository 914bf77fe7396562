package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.throttle.ThrottleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttles in the chain, through the sandbox: many threads against one limit, and the platform sees exactly what the
 * limit allows.
 */
class ThrottlesEndToEndTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 14;

    @TempDir
    Path dir;

    @Test
    void manyThreadsAgainstOneAccountsLimitsReachThePlatformExactlyAsOftenAsAllowed() throws Exception {
        int hourly = (int) ThrottleSettings.DEFAULT_POST_LIMITS.get(0).count();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (SandboxRun run = new SandboxRun(dir, "news@acme_news")) {
            List<ActionResult> results = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // every round: all threads at once, then the clock moves past the 30-second spacing
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ActionResult>> attempts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String text = "Status update " + round + "-" + t + ": all systems normal at site "
                            + (round * THREADS + t);
                    attempts.add(pool.submit(() -> {
                        go.await();
                        return run.runtime
                                .bots()
                                .bot("news")
                                .orElseThrow()
                                .context()
                                .actions()
                                .post(text);
                    }));
                }
                go.countDown();
                for (Future<ActionResult> attempt : attempts) {
                    results.add(attempt.get(30, TimeUnit.SECONDS));
                }
                run.clock.advance(Duration.ofSeconds(31));
            }

            // a limit of N per hour lets N go at once, then one more every hour / N (6 minutes for 10)
            long elapsed = (ROUNDS - 1) * 31L;
            int allowed = hourly + (int) (elapsed / (3600 / hourly));
            assertThat(allowed).isEqualTo(11);
            assertThat(run.sandbox().posts())
                    .as("one per spacing window, up to the hourly limit")
                    .hasSize(allowed);
            assertThat(results.stream().filter(ActionResult::sent)).hasSize(allowed);
            assertThat(results.stream()
                            .filter(ActionResult::deferred)
                            .map(r -> ((ActionResult.Deferred) r).code())
                            .distinct())
                    .containsOnly(ReasonCode.TOO_SOON, ReasonCode.THROTTLED_ACCOUNT);
        } finally {
            pool.shutdownNow();
        }
    }
}
