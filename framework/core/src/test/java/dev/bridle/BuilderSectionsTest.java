package dev.bridle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.config.ConsentPolicy;
import dev.bridle.config.Duplicates;
import dev.bridle.config.InboundSettings;
import dev.bridle.config.Limit;
import dev.bridle.config.OnThrottle;
import dev.bridle.config.OptOutPolicy;
import dev.bridle.config.Schedule;
import dev.bridle.config.Throttles;
import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.OptOutScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's typed sections, alone and on top of a configuration file, acting on the real sandbox. */
class BuilderSectionsTest {

    /** Posts a different text each run. */
    public static final class Poster implements Bot {
        private static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public void onSchedule(BotContext ctx) {
            ctx.actions().post("release " + RUNS.incrementAndGet() + " is out");
        }
    }

    private static final Schedule HOURLY = new Schedule.Every(Duration.ofHours(1));

    @TempDir
    Path dir;

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.builder()
                .account("acme_news")
                .account("acme_help")
                .build()
                .start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** {@code builder} on the sandbox, with credentials for its accounts, the file's and those given in code. */
    private Bridle.Builder onSandbox(Bridle.Builder builder) {
        builder.apiBaseUrl(sandbox.baseUrl());
        for (String handle : builder.accountHandles()) {
            builder.credentials(
                    handle,
                    sandbox.app().consumerKey(),
                    sandbox.app().consumerSecret(),
                    sandbox.account(handle).accessToken(),
                    sandbox.account(handle).accessTokenSecret());
        }
        return builder;
    }

    private Bridle.Builder inCode() {
        return Bridle.builder()
                .app("acme-dev", "testing")
                .store(dir.resolve("bridle"))
                .account("acme_news")
                .bot("poster", "acme_news", Poster.class, HOURLY);
    }

    private static List<LedgerRecord> records(Bridle bridle) {
        return bridle.ledger().tail(100).stream().map(e -> e.record()).toList();
    }

    @Test
    void aThrottleGivenInCodeHoldsTheSecondPostOfTheDay() {
        Throttles onePostADay = Throttles.defaults()
                .withLimits(ActionKind.POST, Limit.perDay(1))
                .withOnThrottle("poster", OnThrottle.DROP);
        try (Bridle bridle = onSandbox(inCode().throttles(onePostADay)).build()) {
            bridle.runNow("poster");
            bridle.runNow("poster");

            assertThat(sandbox.sent("acme_news").posts()).hasSize(1);
            assertThat(records(bridle).get(records(bridle).size() - 1).event()).isEqualTo(LedgerEvent.DEFERRED);
            assertThat(bridle.waitingActions()).isZero();
        }
    }

    @Test
    void aDuplicatesSectionGivenInCodeRefusesAnAccountsNearRepeatOfItself() {
        AtomicInteger runs = new AtomicInteger();
        Bot nearlyTheSame = new Bot() {
            @Override
            public void onSchedule(BotContext ctx) {
                ctx.actions()
                        .post("Acme 3.2 is out with faster search and a new dashboard for teams"
                                + (runs.incrementAndGet() == 1 ? "" : "!"));
            }
        };
        try (Bridle bridle = onSandbox(Bridle.builder()
                        .app("acme-dev", "testing")
                        .store(dir.resolve("bridle"))
                        .account("acme_news")
                        .bot("near", "acme_news", nearlyTheSame, HOURLY)
                        .throttles(Throttles.defaults().withMinSpacing(Duration.ofMillis(1)))
                        .duplicates(Duplicates.defaults().withDenyNearWithinAccount(true)))
                .build()) {
            bridle.runNow("near");
            bridle.runNow("near");

            assertThat(sandbox.sent("acme_news").posts()).hasSize(1);
            LedgerRecord last = records(bridle).get(records(bridle).size() - 1);
            assertThat(last.event()).isEqualTo(LedgerEvent.DENIED);
            assertThat(last.reason()).isEqualTo("DUPLICATE_SAME_ACCOUNT");
        }
    }

    @Test
    void sectionsGivenInCodeMeetTheFilesRulesAndEveryProblemIsListed() {
        Throttles throttles = Throttles.defaults()
                .withLimits("ghost", ActionKind.POST, Limit.perDay(5))
                .withOnThrottle("nobody", OnThrottle.DROP)
                .withLimits(ActionKind.POST, Limit.perHour(5_000));
        OptOutPolicy optOut = OptOutPolicy.defaults()
                .withScope("phantom", OptOutScope.ACCOUNT)
                .withKeywordFile(dir.resolve("no-such-keywords.yaml"));
        InboundSettings inbound = InboundSettings.defaults()
                .withPolling(Duration.ofSeconds(1), Duration.ofMinutes(1))
                .withWebhook("127.0.0.1", 0, "/hooks");

        assertThatThrownBy(() -> inCode().throttles(throttles)
                        .optOut(optOut)
                        .inbound(inbound)
                        .build())
                .hasMessageContaining("throttles.overrides.ghost: names account \"ghost\", which is not configured;"
                        + " configured: acme_news")
                .hasMessageContaining("bots.nobody.onThrottle: names bot \"nobody\", which is not configured")
                .hasMessageContaining("throttles: ")
                .hasMessageContaining("optout.accounts.phantom: names account \"phantom\"")
                .hasMessageContaining(
                        "optout.keywords: names " + dir.resolve("no-such-keywords.yaml") + ", but there is no file")
                .hasMessageContaining("inbound: mentions may be polled at most every PT3S")
                .hasMessageContaining("inbound.webhook.enabled: is true, but nothing would sign the webhook's answers");
    }

    @Test
    void aConsentExpiryGivenInCodeEndsAGrantWhenItPasses() {
        MutableClock clock = MutableClock.at("2026-12-03T09:00:00Z");
        try (Bridle bridle = onSandbox(
                        inCode().clock(clock).consent(ConsentPolicy.defaults().withExpiry(Duration.ofMinutes(10))))
                .build()) {
            bridle.contacts().grant("2001", "acme_news", Set.of(ConsentScope.REPLY), "dm:777");
            assertThat(bridle.contacts().status("2001", "acme_news").consented())
                    .containsExactly(ConsentScope.REPLY);

            clock.advance(Duration.ofMinutes(11));

            assertThat(bridle.contacts().status("2001", "acme_news").consented())
                    .isEmpty();
        }
    }

    @Test
    void theFileMapsOntoTheSameBuilderAndCodeTakesThePlaceOfItsSections() throws IOException {
        Path file = dir.resolve("bridle.yaml");
        Files.writeString(file, """
                environment: dev
                app:
                  name: acme-bots-dev
                  purpose: "testing the file and the code together"
                store:
                  url: "jdbc:h2:file:%s"
                accounts:
                  - handle: acme_news
                bots:
                  - name: poster
                    class: %s
                    account: acme_news
                    schedule: { every: 1h }
                throttles:
                  accounts:
                    post: [ "50 per day" ]
                """.formatted(dir.resolve("filed").toAbsolutePath(), Poster.class.getName()));

        Throttles onePostADay = Throttles.defaults()
                .withLimits(ActionKind.POST, Limit.perDay(1))
                .withOnThrottle("poster", OnThrottle.DROP);
        try (Bridle bridle =
                onSandbox(Bridle.builder().config(file).throttles(onePostADay)).build()) {
            bridle.runNow("poster");
            bridle.runNow("poster");

            assertThat(sandbox.sent("acme_news").posts()).hasSize(1);
        }
    }

    @Test
    void anAccountGivenInCodeThatTheFileAlreadyHasIsReportedOnce() throws IOException {
        Path file = dir.resolve("bridle.yaml");
        Files.writeString(file, """
                environment: dev
                app: { name: acme-bots-dev, purpose: "testing" }
                accounts:
                  - handle: acme_news
                bots: []
                """);

        assertThatThrownBy(
                        () -> Bridle.builder().config(file).account("ACME_NEWS").build())
                .hasMessageContaining("accounts.ACME_NEWS: handle ACME_NEWS is configured twice");
    }
}
