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
import dev.bridle.config.Environment;
import dev.bridle.config.Schedule;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
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

    private static final Schedule HOURLY = new Schedule.Every(Duration.ofHours(1));

    private Bridle.Builder builder(String appName, Environment environment, boolean dryRun, Schedule schedule) {
        Bridle.Builder builder = Bridle.builder()
                .app(appName, "testing")
                .environment(environment)
                .store(dir.resolve("bridle"))
                .schedulerThreads(2)
                .account("acme_news")
                .bot("ticker", "acme_news", CountingPoster.class, schedule);
        return dryRun ? builder.dryRun() : builder;
    }

    private List<LedgerEvent> events(Bridle bridle) {
        return bridle.ledger().tail(100).stream().map(e -> e.record().event()).toList();
    }

    @Test
    void aBotRunNowPostsThroughTheGuardsAndTheLedgerRecordsIt() throws Exception {
        try (Bridle bridle = builder("acme-dev", Environment.DEV, false, HOURLY)
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
        try (Bridle bridle = builder("acme-dev", Environment.DEV, false, new Schedule.Every(Duration.ofMillis(100)))
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
        try (Bridle bridle = builder("acme-dev", Environment.DEV, true, HOURLY)
                .platform(platform)
                .build()) {
            bridle.runNow("ticker");

            verify(platform, never()).perform(any());
            LedgerEntry denied = bridle.ledger().tail(1).get(0);
            assertThat(denied.record().event()).isEqualTo(LedgerEvent.DENIED);
            assertThat(denied.record().reason()).isEqualTo("DRY_RUN");
        }
    }

    // A configuration built in code skipped the YAML path's checks; it now meets the same rules and messages.
    @Test
    void aDevAppConfiguredAsProdIsRefusedWhenBuiltAsTheYamlFileWouldBe() {
        assertThatThrownBy(() -> builder("acme-dev", Environment.PROD, false, HOURLY)
                        .platform(platform)
                        .build())
                .hasMessageContaining(
                        "<code>: app.name: \"acme-dev\" is a dev app (label \"dev\") but environment is prod");
    }

    @Test
    void aConfigurationBuiltInCodeListsEveryProblemBeforeAnythingOpens() {
        assertThatThrownBy(() -> Bridle.builder()
                        .app("acme-bots", "testing")
                        .account("not a handle")
                        .bot("Ticker", "acme_help", CountingPoster.class, null)
                        .bot("poster", "acme_news", NotABot.class, HOURLY)
                        .platform(platform)
                        .build())
                .hasMessageContaining("7 problems")
                .hasMessageContaining("app.name: \"acme-bots\" does not say which environment it is for")
                .hasMessageContaining("accounts.not a handle: is not a valid handle")
                .hasMessageContaining("bots.Ticker: is not a valid bot name")
                .hasMessageContaining("bots.Ticker.account: acts as account \"acme_help\", which is not configured")
                .hasMessageContaining("bots.Ticker: has neither a schedule nor inbound")
                .hasMessageContaining("bots.poster.class: class " + NotABot.class.getName() + " is abstract");
        assertThat(dir.resolve("bridle.mv.db")).doesNotExist();
    }

    /** Abstract, so Guice could never build it. */
    public abstract static class NotABot implements Bot {}

    @Test
    void aBotGivenAsAnInstanceIsUsedAsItIs() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Bot counting = new Bot() {
            @Override
            public void onSchedule(BotContext ctx) {
                ctx.actions().post("run " + runs.incrementAndGet());
            }
        };
        try (Bridle bridle = Bridle.builder()
                .app("acme-dev", "testing")
                .store(dir.resolve("bridle"))
                .account("acme_news")
                .bot("counter", "acme_news", counting, HOURLY)
                .platform(platform)
                .build()) {
            bridle.runNow("counter");
            bridle.runNow("counter");
        }
        assertThat(runs).hasValue(2);
    }

    @Test
    void runDueFiresAnIntervalAtStartThenEachTimeTheClockPassesIt() throws Exception {
        dev.bridle.sandbox.MutableClock clock = dev.bridle.sandbox.MutableClock.at("2026-11-28T09:00:00Z");
        try (Bridle bridle = builder("acme-dev", Environment.DEV, false, HOURLY)
                .platform(platform)
                .clock(clock)
                .manualScheduling()
                .build()) {
            bridle.start();
            assertThat(bridle.runDue()).as("at start").isEqualTo(1);
            assertThat(bridle.runDue()).as("nothing due again at once").isZero();

            clock.advance(Duration.ofMinutes(59));
            assertThat(bridle.runDue()).isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(bridle.runDue()).as("an hour on").isEqualTo(1);
            clock.advance(Duration.ofHours(5));
            assertThat(bridle.runDue()).as("five missed fires are one").isEqualTo(1);
        }
        assertThat(CountingPoster.RUNS).hasValue(3);
    }

    @Test
    void runDueIsRefusedWhenTheSchedulerRunsOnItsOwnThreads() throws Exception {
        try (Bridle bridle = builder("acme-dev", Environment.DEV, false, HOURLY)
                .platform(platform)
                .build()) {
            assertThatThrownBy(bridle::runDue).hasMessageContaining("manualScheduling()");
        }
    }

    // A platform given to the builder heard nothing of the throttles: the feedback was dropped (PlatformSource.of).
    @Test
    void aPlatformGivenToTheBuilderReportsRateLimitsToTheThrottles() throws Exception {
        java.util.concurrent.atomic.AtomicReference<dev.bridle.platform.RateLimitFeedback> heard =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (Bridle bridle = builder("acme-dev", Environment.DEV, false, HOURLY)
                .platform(feedback -> {
                    heard.set(feedback);
                    return platform;
                })
                .build()) {
            heard.get()
                    .exhausted(
                            new Account("acme_news", "1001"),
                            dev.bridle.guard.ActionKind.POST,
                            java.time.Instant.now().plus(Duration.ofMinutes(15)));

            bridle.runNow("ticker");

            verify(platform, never()).perform(any());
            assertThat(bridle.ledger().tail(1).get(0).record().reason()).isEqualTo("RATE_LIMITED");
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

    // An embedding application had to reach ConsentRegistry and OptOutRegistry, internals, to record consent.
    @Test
    void anEmbeddingApplicationRecordsConsentAndOptOutThroughBridle() throws Exception {
        dev.bridle.bot.UserRef ana = new dev.bridle.bot.UserRef("2001", "ana");
        Bot messenger = new Bot() {
            @Override
            public void onSchedule(BotContext ctx) {
                ctx.actions().directMessage(ana, "Your export is ready.");
            }
        };
        dev.bridle.sandbox.MutableClock clock = dev.bridle.sandbox.MutableClock.at("2026-11-28T09:00:00Z");
        try (Bridle bridle = Bridle.builder()
                .app("acme-dev", "testing")
                .store(dir.resolve("bridle"))
                .account("acme_news")
                .bot("messenger", "acme_news", messenger, HOURLY)
                .platform(platform)
                .clock(clock)
                .build()) {
            Contacts contacts = bridle.contacts();
            bridle.runNow("messenger");
            assertThat(bridle.ledger().tail(1).get(0).record().reason()).isEqualTo("NO_CONSENT");

            contacts.grant("2001", "acme_news", Set.of(ConsentScope.DM), "signup form 8841");
            clock.advance(Duration.ofMinutes(1));
            bridle.runNow("messenger");
            assertThat(bridle.ledger().tail(1).get(0).record().event()).isEqualTo(LedgerEvent.SENT);
            assertThat(contacts.status("2001", "acme_news").reachableFor(ConsentScope.DM))
                    .isTrue();

            contacts.optOut("2001", "acme_news", "support ticket 1207");
            clock.advance(Duration.ofMinutes(1));
            bridle.runNow("messenger");
            assertThat(bridle.ledger().tail(1).get(0).record().reason()).isEqualTo("OPTED_OUT");
            assertThat(contacts.status("2001", "acme_news"))
                    .satisfies(s -> assertThat(s.optedOut()).isTrue())
                    .satisfies(s -> assertThat(s.reachableFor(ConsentScope.DM)).isFalse());

            contacts.withdraw("2001", "acme_news", Set.of(), "support ticket 1208");
            assertThat(contacts.status("2001", "acme_news").consented()).isEmpty();
        }
    }

    @Test
    void consentWithoutEvidenceOrScopesIsRefused() throws Exception {
        try (Bridle bridle = builder("acme-dev", Environment.DEV, false, HOURLY)
                .platform(platform)
                .build()) {
            assertThatThrownBy(() -> bridle.contacts().grant("2001", "acme_news", Set.of(ConsentScope.DM), " "))
                    .hasMessageContaining("evidence is required");
            assertThatThrownBy(() -> bridle.contacts().grant("2001", "acme_news", Set.of(), "form 1"))
                    .hasMessageContaining("at least one scope");
        }
    }

    @Test
    void withoutCredentialsBuildSaysWhereTheSandboxIs() {
        assertThatThrownBy(() ->
                        builder("acme-dev", Environment.DEV, false, HOURLY).build())
                .hasMessageContaining("no account has credentials")
                .hasMessageContaining("bridle-testkit gives tests one");
    }

    @Test
    void credentialsAndABaseUrlGivenInCodeActOnThatPlatform() throws Exception {
        dev.bridle.sandbox.Sandbox sandbox = dev.bridle.sandbox.Sandbox.builder()
                .account("acme_news")
                .build()
                .start();
        try (sandbox;
                Bridle bridle = builder("acme-dev", Environment.DEV, false, HOURLY)
                        .apiBaseUrl(sandbox.baseUrl())
                        .credentials(
                                "acme_news",
                                sandbox.app().consumerKey(),
                                sandbox.app().consumerSecret(),
                                sandbox.account("acme_news").accessToken(),
                                sandbox.account("acme_news").accessTokenSecret())
                        .build()) {
            bridle.runNow("ticker");

            assertThat(sandbox.sent("acme_news").posts()).hasSize(1);
            assertThat(events(bridle)).containsExactly(LedgerEvent.ALLOWED, LedgerEvent.SENT);
        }
    }

    @Test
    void credentialsForAnAccountThatIsNotConfiguredAreRefused() {
        assertThatThrownBy(() -> builder("acme-dev", Environment.DEV, false, HOURLY)
                        .credentials("acme_help", "a", "b", "c", "d")
                        .build())
                .hasMessageContaining("credentials(...) for @acme_help, which is not an account");
    }
}
