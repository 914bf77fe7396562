package dev.bridle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.Account;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.Schedule;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.guard.Environment;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridleTest {

    /** A scheduled poster that counts its runs and posts a different text each time. */
    public static final class CountingPoster implements Bot {
        static final AtomicInteger RUNS = new AtomicInteger();
        static volatile java.util.concurrent.CountDownLatch twoRuns = new java.util.concurrent.CountDownLatch(2);
        private final java.time.Clock clock;

        @Inject
        public CountingPoster(java.time.Clock clock) {
            this.clock = clock;
        }

        @Override
        public void onSchedule(BotContext ctx) {
            int n = RUNS.incrementAndGet();
            twoRuns.countDown();
            ctx.actions().post("tick " + n + " at " + clock.instant());
            ctx.state().put("runs", Integer.toString(n));
        }
    }

    @TempDir
    Path dir;

    private final Platform platform = mock(Platform.class);

    @BeforeEach
    void platformAcceptsEverything() throws Exception {
        when(platform.verifyCredentials(any()))
                .thenAnswer(inv -> new Account(((Account) inv.getArgument(0)).handle(), "1001"));
        when(platform.perform(any())).thenReturn(new PlatformReceipt("9001"));
        CountingPoster.RUNS.set(0);
        CountingPoster.twoRuns = new java.util.concurrent.CountDownLatch(2);
    }

    private BridleConfig config(String appName, Environment environment, boolean dryRun, Schedule schedule) {
        return new BridleConfig(
                "<test>",
                environment,
                new AppConfig(appName, "testing"),
                dryRun,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(2),
                List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(new BotConfig("ticker", CountingPoster.class.getName(), "acme_news", schedule, Set.of())));
    }

    private List<LedgerEvent> events(Bridle bridle) {
        return bridle.ledger().tail(100).stream().map(e -> e.record().event()).toList();
    }

    @Test
    void aBotRunNowPostsThroughTheGuardsAndTheLedgerRecordsIt() throws Exception {
        try (Bridle bridle = Bridle.builder()
                .config(config("acme-dev", Environment.DEV, false, null))
                .platform(platform)
                .build()) {
            assertThat(bridle.runNow("ticker")).isTrue();

            assertThat(events(bridle)).containsExactly(LedgerEvent.ALLOWED, LedgerEvent.SENT);
            LedgerEntry sent = bridle.ledger().tail(1).get(0);
            assertThat(sent.record().bot()).isEqualTo("ticker");
            assertThat(sent.record().platformId()).isEqualTo("9001");
            assertThat(bridle.ledger().verify().intact()).isTrue();
        }
    }

    @Test
    void scheduledBotsRunOnceStarted() throws Exception {
        try (Bridle bridle = Bridle.builder()
                .config(config("acme-dev", Environment.DEV, false, new Schedule.Every(Duration.ofMillis(100))))
                .platform(platform)
                .build()) {
            bridle.start();

            assertThat(CountingPoster.twoRuns.await(20, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(events(bridle)).contains(LedgerEvent.SENT);
        }
    }

    @Test
    void dryRunRecordsEveryDecisionAndSendsNothing() throws Exception {
        try (Bridle bridle = Bridle.builder()
                .config(config("acme-dev", Environment.DEV, true, null))
                .platform(platform)
                .build()) {
            bridle.runNow("ticker");

            verify(platform, never()).perform(any());
            LedgerEntry denied = bridle.ledger().tail(1).get(0);
            assertThat(denied.record().event()).isEqualTo(LedgerEvent.DENIED);
            assertThat(denied.record().reason()).isEqualTo("DRY_RUN");
        }
    }

    @Test
    void aDevAppRunningAsProdSendsNothing() throws Exception {
        try (Bridle bridle = Bridle.builder()
                .config(config("acme-dev", Environment.PROD, false, null))
                .platform(platform)
                .build()) {
            bridle.runNow("ticker");

            verify(platform, never()).perform(any());
            assertThat(bridle.ledger().tail(1).get(0).record().reason()).isEqualTo("ENVIRONMENT_MISMATCH");
        }
    }

    /** Only the YAML reader checked a bot's account, so a configuration built in code reached the first action. */
    @Test
    void aBotOnAnUnknownAccountIsRefusedWhenItsConfigurationIsBuiltNotByANullPointerAtItsFirstAction() {
        assertThatThrownBy(() -> new BridleConfig(
                        "<test>",
                        Environment.DEV,
                        new AppConfig("acme-dev", "testing"),
                        false,
                        TestStores.h2(dir),
                        new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                        new SchedulerConfig(2),
                        List.of(),
                        List.of(new AccountConfig("acme_news", null)),
                        List.of(new BotConfig("ticker", CountingPoster.class.getName(), "acme_help", null, Set.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "bot \"ticker\" acts as account \"acme_help\", which is not configured; configured accounts: acme_news");
    }

    @Test
    void buildSaysWhatIsMissing() {
        assertThatThrownBy(() -> Bridle.builder().platform(platform).build())
                .hasMessageContaining("needs a configuration");
    }

    @Test
    void withoutCredentialsTheBotsActInTheBuiltInSandbox() {
        try (Bridle bridle = Bridle.builder()
                .config(config("acme-dev", Environment.DEV, false, null))
                .build()) {
            assertThat(bridle.sandbox()).isPresent();

            bridle.runNow("ticker");

            assertThat(bridle.sandbox().get().sent("acme_news").posts()).hasSize(1);
            assertThat(events(bridle)).containsExactly(LedgerEvent.ALLOWED, LedgerEvent.SENT);
        }
    }
}
