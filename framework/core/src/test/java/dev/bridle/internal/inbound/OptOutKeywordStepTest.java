package dev.bridle.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.TargetRole;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutEvent;
import dev.bridle.internal.optout.OptOutEventType;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.ContactSettings;
import dev.bridle.internal.runtime.PlatformSource;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound keywords through a real runtime: polled (or pushed) mentions and direct messages, a Mockito platform, the
 * guards, the ledger and an H2 store.
 */
class OptOutKeywordStepTest {

    /** Records what it saw; replies to what it is given; on schedule, contacts Ana. */
    public static final class Responder implements Bot {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();
        static final List<ActionResult> RESULTS = new CopyOnWriteArrayList<>();

        @Override
        public void onMention(Mention mention, BotContext ctx) {
            SEEN.add(mention.text());
            RESULTS.add(ctx.actions().reply(mention, "thanks!"));
        }

        @Override
        public void onDirectMessage(DirectMessage message, BotContext ctx) {
            SEEN.add(message.text());
        }

        static final java.util.concurrent.atomic.AtomicInteger STEP = new java.util.concurrent.atomic.AtomicInteger();

        /** One action per run, so the 30-second spacing between an account's actions never defers one. */
        @Override
        public void onSchedule(BotContext ctx) {
            switch (STEP.getAndIncrement() % 3) {
                case 0 -> RESULTS.add(ctx.actions().reply(new PostRef("400", ANA), "any news?"));
                case 1 -> RESULTS.add(ctx.actions().directMessage(ANA, "psst"));
                default -> RESULTS.add(ctx.actions().follow(ANA));
            }
        }
    }

    static final UserRef ANA = new UserRef("2001", "ana");
    static final Account NEWS = new Account("acme_news", "1001");
    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    @TempDir
    Path dir;

    private final Platform platform = mock(Platform.class);
    private final List<ActionRequest> performed = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(9000);
    private final MutableClock clock = MutableClock.at(T0);
    private final List<Mention> mentions = new ArrayList<>();
    private final List<DirectMessage> messages = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Responder.SEEN.clear();
        Responder.RESULTS.clear();
        Responder.STEP.set(0);
        when(platform.verifyCredentials(any())).thenReturn(NEWS);
        when(platform.perform(any())).thenAnswer(inv -> {
            performed.add(inv.getArgument(0));
            return new PlatformReceipt(Long.toString(ids.incrementAndGet()));
        });
        when(platform.mentionsSince(eq(NEWS), any())).thenAnswer(inv -> List.copyOf(mentions));
        when(platform.directMessagesSince(eq(NEWS), any())).thenAnswer(inv -> List.copyOf(messages));
        when(platform.lookupHandle(any(), any())).thenReturn(Optional.empty());
    }

    private BridleRuntime runtime() {
        return runtime(ContactSettings.defaults("acme-bots-dev"), false);
    }

    private BridleRuntime runtime(ContactSettings contact, boolean dryRun) {
        BridleConfig config = new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("acme-bots-dev", "test"),
                dryRun,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(new BotConfig(
                        "responder",
                        Responder.class.getName(),
                        "acme_news",
                        null,
                        Set.of(Inbound.MENTIONS, Inbound.DIRECT_MESSAGES))));
        return BridleRuntime.create(
                config,
                PlatformSource.of(platform),
                clock,
                RuntimeOptions.defaults().contact(contact));
    }

    private void mention(String id, String text) {
        mentions.add(new Mention(id, ANA, text, T0));
    }

    private void message(String id, String text) {
        messages.add(new DirectMessage(id, ANA, text, T0));
    }

    private static void consentToEverything(BridleRuntime runtime) {
        runtime.consents()
                .grant(ConsentGrant.of(
                        ANA.id(), EnumSet.allOf(ConsentScope.class), Evidence.reference(Channel.API, "signup form 1")));
    }

    private List<ActionRequest> compliance() {
        return performed.stream()
                .filter(r -> r.origin() == ActionOrigin.COMPLIANCE)
                .toList();
    }

    /** Runs the responder's three scheduled actions, each past the previous action's spacing. */
    private void replyMessageAndFollow(BridleRuntime runtime) {
        for (int i = 0; i < 3; i++) {
            clock.advance(java.time.Duration.ofSeconds(31));
            runtime.bots().runScheduled("responder");
        }
    }

    /** Lets the account's last action fall outside the spacing window, as time would. */
    private void later() {
        clock.advance(java.time.Duration.ofSeconds(31));
    }

    private static ReasonCode denial(ActionResult r) {
        return r instanceof ActionResult.Denied d ? d.code() : null;
    }

    @Test
    void aPolledStopIsRecordedConfirmedOnceKeptFromTheBotsAndBeatsConsent() {
        try (BridleRuntime runtime = runtime()) {
            consentToEverything(runtime);
            replyMessageAndFollow(runtime);
            assertThat(Responder.RESULTS).allMatch(ActionResult::sent);
            Responder.RESULTS.clear();
            performed.clear();

            later();
            mention("500", "@acme_news STOP");
            runtime.poller().pollMentions();

            assertThat(Responder.SEEN).as("no bot sees a STOP").isEmpty();
            assertThat(runtime.optOuts().status(ANA.id()).suppressed("acme_news"))
                    .isTrue();
            assertThat(compliance()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(ActionKind.REPLY);
                assertThat(r.post().id()).isEqualTo("500");
                assertThat(r.targets()).singleElement().satisfies(t -> {
                    assertThat(t.user()).isEqualTo(ANA);
                    assertThat(t.role()).isEqualTo(TargetRole.REPLIED_TO);
                });
                assertThat(r.text())
                        .as("addressed, so that two confirmations are not one duplicate post")
                        .isEqualTo("@ana You're unsubscribed: we won't contact you again. Reply START to opt back in.");
            });

            replyMessageAndFollow(runtime);
            assertThat(Responder.RESULTS)
                    .extracting(OptOutKeywordStepTest::denial)
                    .containsExactly(ReasonCode.OPTED_OUT, ReasonCode.OPTED_OUT, ReasonCode.OPTED_OUT);
            LedgerEntry last = runtime.ledger().tail(1).get(0);
            assertThat(last.record().guard()).isEqualTo("opt-out");
            assertThat(last.record().reason()).isEqualTo("OPTED_OUT");

            mention("501", "@acme_news stop!!");
            runtime.poller().pollMentions();
            assertThat(compliance()).as("never a second confirmation").hasSize(1);
            assertThat(runtime.optOuts().history(ANA.id())).hasSize(2);
        }
    }

    @Test
    void aStopByDirectMessageIsConfirmedByDirectMessageInItsLanguage() {
        try (BridleRuntime runtime = runtime()) {
            message("700", "BAJA por favor");
            runtime.poller().pollDirectMessages();

            assertThat(compliance()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(ActionKind.DIRECT_MESSAGE);
                assertThat(r.targets().get(0).role()).isEqualTo(TargetRole.RECIPIENT);
                assertThat(r.text()).startsWith("Te has dado de baja");
            });
            OptOutEvent e = runtime.optOuts().history(ANA.id()).get(0);
            assertThat(e.evidence().inboundId()).isEqualTo("700");
            assertThat(e.evidence().inboundText()).isEqualTo("BAJA por favor");
            assertThat(e.trigger().rule()).isEqualTo("es.opt_out.keyword:baja");
            assertThat(e.trigger().language()).isEqualTo("es");
            assertThat(e.trigger().keywordsVersion()).hasSize(12);
        }
    }

    @Test
    void aMessageThatMayBeAnOptOutSuppressesAtOnceAndAsksOnceAndAConfirmingStopSendsNothingMore() {
        try (BridleRuntime runtime = runtime()) {
            consentToEverything(runtime);
            mention("500", "@acme_news stpo");
            runtime.poller().pollMentions();

            assertThat(Responder.SEEN).isEmpty();
            assertThat(compliance())
                    .singleElement()
                    .satisfies(r -> assertThat(r.text()).startsWith("@ana Did you mean to stop"));
            replyMessageAndFollow(runtime);
            assertThat(Responder.RESULTS)
                    .extracting(OptOutKeywordStepTest::denial)
                    .containsOnly(ReasonCode.OPTED_OUT);

            mention("501", "@acme_news stpo");
            mention("502", "@acme_news STOP");
            runtime.poller().pollMentions();

            assertThat(compliance())
                    .as("one message per opt-out: the question was it")
                    .hasSize(1);
            assertThat(runtime.optOuts().status(ANA.id()).suppression("acme_news"))
                    .hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(OptOutEventType.OPTED_OUT));
        }
    }

    @Test
    void startIsAnExplicitConsentToTheNoticesScopesAndOptsBackIn() {
        try (BridleRuntime runtime = runtime()) {
            consentToEverything(runtime);
            message("700", "STOP");
            runtime.poller().pollDirectMessages();
            later();
            message("701", "start");
            runtime.poller().pollDirectMessages();

            assertThat(runtime.optOuts().status(ANA.id()).suppressed("acme_news"))
                    .isFalse();
            var grant = runtime.consents().history(ANA.id()).stream()
                    .filter(e -> e.evidence().inboundId() != null
                            && e.evidence().inboundId().equals("701"))
                    .findFirst()
                    .orElseThrow();
            assertThat(grant.scopes())
                    .containsExactlyInAnyOrder(ConsentScope.REPLY, ConsentScope.MENTION, ConsentScope.DM);
            assertThat(grant.notice())
                    .isEqualTo(runtime.consents().settings().notice().ref());
            assertThat(grant.evidence().inboundText()).isEqualTo("start");
            assertThat(compliance())
                    .extracting(ActionRequest::text)
                    .containsExactly(
                            "You're unsubscribed: we won't contact you again. Reply START to opt back in.",
                            "You're subscribed again. Reply STOP at any time to opt out, or HELP for help.");

            replyMessageAndFollow(runtime);
            assertThat(Responder.RESULTS).extracting(ActionResult::sent).containsExactly(true, true, false);
            assertThat(denial(Responder.RESULTS.get(2)))
                    .as("the follow consent ended with the opt-out")
                    .isEqualTo(ReasonCode.NO_CONSENT);
        }
    }

    @Test
    void helpGetsTheHelpTextAndOrdinaryMessagesReachTheBots() {
        try (BridleRuntime runtime = runtime()) {
            mention("500", "@acme_news help");
            mention("501", "@acme_news we need to stop this bill");
            runtime.poller().pollMentions();

            assertThat(compliance())
                    .singleElement()
                    .satisfies(r -> assertThat(r.text()).startsWith("@ana This account is an automated bot."));
            assertThat(Responder.SEEN).containsExactly("@acme_news we need to stop this bill");
            assertThat(denial(Responder.RESULTS.get(0)))
                    .as("no consent to reply")
                    .isEqualTo(ReasonCode.NO_CONSENT);
            assertThat(runtime.optOuts().history(ANA.id())).isEmpty();
        }
    }

    @Test
    void aConfirmationIsNeverRepeatedAfterARestart() {
        try (BridleRuntime runtime = runtime()) {
            message("700", "STOP");
            runtime.poller().pollDirectMessages();
        }
        try (BridleRuntime restarted = runtime()) {
            message("701", "unsubscribe");
            restarted.poller().pollDirectMessages();
        }

        assertThat(compliance()).hasSize(1);
    }

    @Test
    void aDryRunRecordsTheOptOutAndSendsNothing() {
        try (BridleRuntime runtime = runtime(ContactSettings.defaults("acme-bots-dev"), true)) {
            message("700", "STOP");
            runtime.poller().pollDirectMessages();

            assertThat(runtime.optOuts().status(ANA.id()).suppressed("acme_news"))
                    .isTrue();
            assertThat(performed).isEmpty();
            assertThat(runtime.ledger().tail(1).get(0).record().reason()).isEqualTo("DRY_RUN");
        }
    }

    @Test
    void aMentionWithTheConsentHashtagAllowsOneReplyToItWhenTurnedOn() {
        ContactSettings defaults = ContactSettings.defaults("acme-bots-dev");
        ContactSettings hashtag = new ContactSettings(
                defaults.consent().withInteractionHashtag("#AskAcme"), defaults.optOut(), defaults.webhook());
        try (BridleRuntime runtime = runtime(hashtag, false)) {
            mention("500", "@acme_news #askacme when is 2.0 out?");
            mention("501", "@acme_news when is 2.0 out?");
            runtime.poller().pollMentions();

            assertThat(Responder.RESULTS).extracting(ActionResult::sent).containsExactly(true, false);
            assertThat(runtime.consents()
                            .state(ANA.id())
                            .coverage(ConsentScope.REPLY, "acme_news", T0, "500")
                            .covered())
                    .as("used up")
                    .isFalse();
        }
    }

    @Test
    void hashtagConsentIsOffByDefault() {
        try (BridleRuntime runtime = runtime()) {
            mention("500", "@acme_news #askacme when is 2.0 out?");
            runtime.poller().pollMentions();

            assertThat(denial(Responder.RESULTS.get(0))).isEqualTo(ReasonCode.NO_CONSENT);
        }
    }
}
