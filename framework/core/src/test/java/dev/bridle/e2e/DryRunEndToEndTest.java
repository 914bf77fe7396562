package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.Mention;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.inbound.ComplianceReplies;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.ContactSettings;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.SandboxRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run is refused in one place, the decision plan's {@code DryRunGuard}, and the adapter sends whatever it is
 * asked: so every path that writes must pass the plan. A dry-run Bridle on the real sandbox is driven through each (bot
 * actions of every kind, deferred actions queued before and during the dry run, Bridle's own compliance messages
 * answering HELP, STOP, START and a possible opt-out, a reply to a mention pushed by the webhook); the sandbox receives
 * no write at all, and the ledger records every decision as DENIED, {@code DRY_RUN}, and none ALLOWED (the one step
 * before a send, and so before any in-doubt retry).
 */
class DryRunEndToEndTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    /** On schedule, runs what the test gave it. */
    public static final class Actor implements Bot {
        static volatile Function<BotContext, List<ActionResult>> next = ctx -> List.of();
        static final List<ActionResult> RESULTS = new CopyOnWriteArrayList<>();

        @Override
        public void onSchedule(BotContext ctx) {
            RESULTS.addAll(next.apply(ctx));
        }
    }

    /** Thanks whoever mentions its account. */
    public static final class Thanker implements Bot {
        static final Map<String, ActionResult> REPLIES = new ConcurrentHashMap<>();

        @Override
        public void onMention(Mention mention, BotContext ctx) {
            REPLIES.put(
                    mention.postId(),
                    ctx.actions().reply(mention, "Thanks @" + mention.author().handle()));
        }
    }

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(T0);
    private Sandbox sandbox;
    private UserRef ana;

    @BeforeEach
    void startSandbox() {
        Actor.RESULTS.clear();
        Actor.next = ctx -> List.of();
        Thanker.REPLIES.clear();
        sandbox = Sandbox.builder()
                .clock(clock)
                .limits(SandboxLimits.defaults().withTimestampTolerance(Duration.ofDays(36_500)))
                .account("acme_news")
                .simulatedUser("ana")
                .build()
                .start();
        ana = new UserRef(sandbox.userId("ana"), "ana");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private BridleConfig config(boolean dryRun) {
        SandboxAccount account = sandbox.account("acme_news");
        Credentials credentials = new Credentials(
                Secret.of(sandbox.app().consumerKey()),
                Secret.of(sandbox.app().consumerSecret()),
                Secret.of(account.accessToken()),
                Secret.of(account.accessTokenSecret()));
        return new BridleConfig(
                "<dry-run>",
                Environment.DEV,
                new AppConfig("acme-bots-dev", "dry-run tests"),
                dryRun,
                TestStores.h2(dir),
                new PlatformConfig(
                        PlatformConfig.ApiVersion.V2, sandbox.baseUrl().toString()),
                new SchedulerConfig(2),
                List.of(),
                List.of(new AccountConfig("acme_news", credentials)),
                List.of(
                        new BotConfig("actor", Actor.class.getName(), "acme_news", null, Set.of()),
                        new BotConfig("thanks", Thanker.class.getName(), "acme_news", null, Set.of(Inbound.MENTIONS))));
    }

    private BridleRuntime runtime(boolean dryRun, ContactSettings contact) {
        BridleConfig config = config(dryRun);
        return BridleRuntime.create(
                config,
                limits -> PlatformFactory.connect(config, clock, limits),
                clock,
                RuntimeOptions.defaults()
                        .classLoader(getClass().getClassLoader())
                        .contact(contact));
    }

    private static ContactSettings contact() {
        return ContactSettings.defaults("acme-bots-dev");
    }

    private List<SandboxRequest> writes() {
        return sandbox.requests().stream()
                .filter(r -> !r.method().equals("GET"))
                .toList();
    }

    private void act(BridleRuntime runtime, Function<BotContext, List<ActionResult>> actions) {
        Actor.next = actions;
        runtime.bots().runScheduled("actor");
    }

    /** The ledger's rows from {@code since} on. */
    private static List<LedgerRecord> rows(BridleRuntime runtime, Instant since) {
        return runtime.ledger().tail(1_000).stream()
                .map(e -> e.record())
                .filter(r -> !r.at().isBefore(since))
                .toList();
    }

    private void consentToEverything(BridleRuntime runtime) {
        runtime.consents()
                .grant(ConsentGrant.of(
                        ana.id(), EnumSet.allOf(ConsentScope.class), Evidence.reference(Channel.API, "signup form 7")));
    }

    @Test
    void aDryRunSendsNothingOnAnyPathAndLedgersEveryDecision() {
        // A live run first: one post goes, the next is held by the spacing and queued for later.
        try (BridleRuntime live = runtime(false, contact())) {
            act(
                    live,
                    ctx -> List.of(
                            ctx.actions().post("release 2.1 is out"),
                            ctx.actions().post("and 2.1.1")));
        }
        assertThat(Actor.RESULTS).extracting(ActionResult::sent).containsExactly(true, false);
        assertThat(((ActionResult.Deferred) Actor.RESULTS.get(1)).queued()).isTrue();
        int liveWrites = writes().size();
        assertThat(liveWrites).as("the live run's one post").isEqualTo(1);
        Actor.RESULTS.clear();

        clock.advance(Duration.ofSeconds(5));
        Instant dryStart = clock.instant();
        try (BridleRuntime dry = runtime(true, contact())) {
            dry.startManually();
            consentToEverything(dry);
            SandboxPost mention = sandbox.injectMention("ana", "acme_news", "when is 2.2 out?");
            PostRef post = new PostRef(mention.id(), ana);

            // Still inside the live post's spacing: deferred (throttles come before the dry run) and queued.
            act(dry, ctx -> List.of(ctx.actions().post("2.2 is coming")));
            // Every kind of action a bot can ask for.
            clock.advance(Duration.ofMinutes(1));
            act(
                    dry,
                    ctx -> List.of(
                            ctx.actions().reply(post, "@ana next week"),
                            ctx.actions().directMessage(ana, "the notes are at acme.dev/2.2"),
                            ctx.actions().follow(ana),
                            ctx.actions().unfollow(ana),
                            ctx.actions().like(post),
                            ctx.actions().repost(post)));
            // Due now: both queued posts, and one poll, whose mention the bot answers.
            dry.runDue();
            // Bridle's own messages: help, an opt-out's confirmation, an opt-in's acknowledgement, the question.
            sandbox.injectMention("ana", "acme_news", "help");
            dry.runDue();
            clock.advance(Duration.ofMinutes(1));
            sandbox.injectDm("ana", "acme_news", "STOP");
            dry.runDue();
            clock.advance(Duration.ofMinutes(1));
            sandbox.injectDm("ana", "acme_news", "START");
            dry.runDue();
            clock.advance(Duration.ofMinutes(1));
            sandbox.injectMention("ana", "acme_news", "stpo");
            dry.runDue();

            assertThat(writes()).as("no write reached the sandbox").hasSize(liveWrites);
            assertThat(sandbox.sent("acme_news").posts()).hasSize(1);
            assertThat(Actor.RESULTS)
                    .hasSize(7)
                    .allSatisfy(r -> assertThat(r.sent()).isFalse());
            assertThat(Thanker.REPLIES.get(mention.id()))
                    .isInstanceOfSatisfying(
                            ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.DRY_RUN));
            assertThat(dry.optOuts().history(ana.id()))
                    .as("the opt-out is recorded all the same")
                    .isNotEmpty();

            List<LedgerRecord> rows = rows(dry, dryStart);
            assertThat(rows).extracting(LedgerRecord::event).doesNotContain(LedgerEvent.ALLOWED, LedgerEvent.SENT);
            List<LedgerRecord> dryRun = rows.stream()
                    .filter(r -> r.event() == LedgerEvent.DENIED && "DRY_RUN".equals(r.reason()))
                    .toList();
            assertThat(dryRun).allSatisfy(r -> assertThat(r.guard()).isEqualTo("dry-run"));
            assertThat(dryRun.stream().filter(r -> r.bot().equals("actor")))
                    .extracting(LedgerRecord::actionKind)
                    .as("every kind, and both queued posts when they ran")
                    .containsExactlyInAnyOrder(
                            "REPLY", "DIRECT_MESSAGE", "FOLLOW", "UNFOLLOW", "LIKE", "REPOST", "POST", "POST");
            assertThat(dryRun.stream().filter(r -> r.bot().equals("thanks"))).hasSize(1);
            assertThat(dryRun.stream().filter(r -> r.bot().equals(ComplianceReplies.SENDER)))
                    .as("help, the confirmation, the acknowledgement, the question")
                    .hasSize(4);
        }
    }

    @Test
    void aReplyToAMentionPushedByTheWebhookIsNotSentInADryRun() {
        ContactSettings defaults = contact();
        ContactSettings webhook = new ContactSettings(
                defaults.consent(),
                defaults.optOut(),
                defaults.webhook()
                        .enabledOn(0)
                        .withConsumerSecret(Secret.of(sandbox.app().consumerSecret())));
        try (BridleRuntime dry = runtime(true, webhook)) {
            dry.start();
            consentToEverything(dry);
            sandbox.registerWebhook(dry.webhook().orElseThrow().url());

            SandboxPost mention = sandbox.injectMention("ana", "acme_news", "love the release");
            sandbox.injectDm("ana", "acme_news", "STOP");

            assertThat(sandbox.webhookDeliveries())
                    .hasSize(2)
                    .allSatisfy(d -> assertThat(d.delivered()).isTrue());
            assertThat(Thanker.REPLIES.get(mention.id()))
                    .isInstanceOfSatisfying(
                            ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.DRY_RUN));
            assertThat(dry.optOuts().status(ana.id()).suppressed("acme_news")).isTrue();
            assertThat(writes()).as("no write reached the sandbox").isEmpty();
            assertThat(rows(dry, T0))
                    .filteredOn(r -> r.event() == LedgerEvent.DENIED)
                    .extracting(LedgerRecord::bot, LedgerRecord::reason)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("thanks", "DRY_RUN"),
                            org.assertj.core.groups.Tuple.tuple(ComplianceReplies.SENDER, "DRY_RUN"));
        }
    }
}
