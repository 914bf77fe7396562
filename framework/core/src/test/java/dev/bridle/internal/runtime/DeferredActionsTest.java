package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.config.ThrottlesConfig;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.internal.throttle.DeferralLimits;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throttled actions are deferred to a stored one-off trigger and go through every guard again when it fires. */
class DeferredActionsTest {

    /** Sends whatever the test puts in {@link #NEXT}. */
    public static final class Messenger implements Bot {
        static final AtomicReference<java.util.function.Function<BotContext, ActionResult>> NEXT =
                new AtomicReference<>();
        static final AtomicReference<ActionResult> LAST = new AtomicReference<>();

        @Override
        public void onSchedule(BotContext ctx) {
            LAST.set(NEXT.get().apply(ctx));
        }
    }

    private static final UserRef ANA = new UserRef("2001", "ana");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Requests.T0);
    private final Platform platform = mock(Platform.class);

    @BeforeEach
    void setUp() throws Exception {
        when(platform.verifyCredentials(any())).thenReturn(new Account("acme_news", "1001"));
        when(platform.perform(any())).thenReturn(new PlatformReceipt("9001"));
    }

    /** A process dying in the middle of a platform call: nothing after it runs. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("the process died here");
        }
    }

    private BridleRuntime runtime() {
        return runtime(DeferralLimits.defaults());
    }

    private BridleRuntime runtime(DeferralLimits limits) {
        BridleConfig plain = new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("acme-dev", "test"),
                false,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(
                        new BotConfig("messenger", Messenger.class.getName(), "acme_news", null, Set.of()),
                        new BotConfig("herald", Messenger.class.getName(), "acme_news", null, Set.of())));
        BridleConfig config = new BridleConfig(
                plain.source(),
                plain.environment(),
                plain.app(),
                false,
                plain.store(),
                plain.platform(),
                plain.scheduler(),
                plain.modules(),
                plain.accounts(),
                plain.bots(),
                new ThrottlesConfig(
                        plain.throttles().settings(), plain.throttles().buckets(), limits),
                plain.duplicates(),
                plain.consent(),
                plain.optOut(),
                plain.inbound());
        return BridleRuntime.create(config, PlatformSource.of(platform), clock, RuntimeOptions.defaults());
    }

    private ActionResult sendAs(
            BridleRuntime runtime, String bot, java.util.function.Function<BotContext, ActionResult> action) {
        Messenger.NEXT.set(action);
        runtime.bots().runScheduled(bot);
        return Messenger.LAST.get();
    }

    private static List<LedgerEvent> eventsOf(BridleRuntime runtime, UUID id) {
        return runtime.ledger().tail(1_000).stream()
                .filter(e -> id.equals(e.record().requestId()))
                .map(e -> e.record().event())
                .toList();
    }

    private ActionResult send(BridleRuntime runtime, java.util.function.Function<BotContext, ActionResult> action) {
        Messenger.NEXT.set(action);
        runtime.bots().runScheduled("messenger");
        return Messenger.LAST.get();
    }

    @Test
    void aThrottledActionIsDeferredToItsEarliestTimeAndSentWhenItFires() throws Exception {
        try (BridleRuntime runtime = runtime()) {
            assertThat(send(runtime, ctx -> ctx.actions().post("first")).sent()).isTrue();

            ActionResult second = send(runtime, ctx -> ctx.actions().post("second"));

            assertThat(second).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
                assertThat(d.code()).isEqualTo(ReasonCode.TOO_SOON);
                assertThat(d.until()).isEqualTo(Requests.T0.plusSeconds(30));
                assertThat(d.rescheduled()).isTrue();
            });
            LedgerEntry deferredRow = runtime.ledger().tail(1).get(0);
            UUID id = deferredRow.record().requestId();
            assertThat(deferredRow.record().event()).isEqualTo(LedgerEvent.DEFERRED);
            assertThat(runtime.deferred().status(id)).contains("PENDING");

            clock.advance(Duration.ofSeconds(30));
            runtime.deferred().runDeferred(id.toString());

            verify(platform, times(2)).perform(any());
            assertThat(runtime.deferred().status(id)).contains("DONE");
            assertThat(runtime.ledger().tail(2))
                    .extracting(e -> e.record().event(), e -> e.record().requestId())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(LedgerEvent.ALLOWED, id),
                            org.assertj.core.groups.Tuple.tuple(LedgerEvent.SENT, id));
        }
    }

    @Test
    void aDeferredActionRunsOnceEvenIfItsTriggerFiresTwice() throws Exception {
        try (BridleRuntime runtime = runtime()) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));
            String id = runtime.ledger().tail(1).get(0).record().requestId().toString();
            clock.advance(Duration.ofSeconds(30));

            runtime.deferred().runDeferred(id);
            runtime.deferred().runDeferred(id);

            verify(platform, times(2)).perform(any());
        }
    }

    @Test
    void cancellingTowardsAUserRemovesEveryActionWaitingForThem() throws Exception {
        try (BridleRuntime runtime = runtime()) {
            send(runtime, ctx -> ctx.actions().post("first"));
            ActionResult like = send(runtime, ctx -> ctx.actions().like(new dev.bridle.bot.PostRef("77", ANA)));
            assertThat(like.deferred()).isTrue();
            UUID id = runtime.ledger().tail(1).get(0).record().requestId();

            assertThat(runtime.deferred().cancelTowards(ANA.id())).isEqualTo(1);
            clock.advance(Duration.ofSeconds(30));
            runtime.deferred().runDeferred(id.toString());

            assertThat(runtime.deferred().status(id)).contains("CANCELLED");
            verify(platform, times(1)).perform(any());
        }
    }

    /**
     * Issue 11: an action that had once been deferred was never settled after a crash. Cause: the start-up query
     * skipped every request with a DEFERRED row, and recovery only looked at a request whose first row was ALLOWED.
     */
    @Test
    void anActionThatWasOnceDeferredIsSettledAfterACrashDuringItsSend() throws Exception {
        UUID id;
        try (BridleRuntime runtime = runtime()) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));
            id = runtime.ledger().tail(1).get(0).record().requestId();
            clock.advance(Duration.ofSeconds(30));
            when(platform.perform(any())).thenThrow(new SimulatedCrash());

            assertThatThrownBy(() -> runtime.deferred().runDeferred(id.toString()))
                    .isInstanceOf(SimulatedCrash.class);
            assertThat(runtime.deferred().status(id)).contains("RUNNING");
        }
        when(platform.findApplied(any())).thenReturn(java.util.Optional.of("9002"));

        try (BridleRuntime restarted = runtime()) {
            assertThat(eventsOf(restarted, id))
                    .containsExactly(
                            LedgerEvent.DEFERRED, LedgerEvent.ALLOWED, LedgerEvent.RECONCILED, LedgerEvent.SENT);
            assertThat(restarted.ledger().tail(1).get(0).record().platformId()).isEqualTo("9002");
            assertThat(restarted.deferred().status(id)).contains("DONE");
        }
    }

    /** Issue 11: a deferred job claimed by a process that died before deciding stayed RUNNING for ever. */
    @Test
    void aDeferredRunCutShortBeforeItsDecisionIsQueuedAgainAtStartUp() throws Exception {
        UUID id;
        try (BridleRuntime runtime = runtime()) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));
            id = runtime.ledger().tail(1).get(0).record().requestId();
        }
        try (Database db = Database.open(TestStores.h2(dir))) {
            assertThat(new DeferredActionStore(db, clock).claim(id)).isPresent(); // claimed, then the process died
        }
        clock.advance(Duration.ofSeconds(30));

        try (BridleRuntime restarted = runtime()) {
            assertThat(restarted.deferred().status(id)).contains("PENDING");
            restarted.deferred().runDeferred(id.toString());

            assertThat(restarted.deferred().status(id)).contains("DONE");
            assertThat(eventsOf(restarted, id))
                    .containsExactly(LedgerEvent.DEFERRED, LedgerEvent.ALLOWED, LedgerEvent.SENT);
            verify(platform, times(2)).perform(any());
        }
    }

    /**
     * Issue 11: a bot faster than its limit left 1,607 DEFERRED rows against 99 ALLOWED. Cause: every re-check of a
     * queued action that was put off again wrote a new DEFERRED row.
     */
    @Test
    void aQueuedActionPutOffAgainWhenItRunsIsRecordedOnce() throws Exception {
        try (BridleRuntime runtime = runtime()) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));
            UUID id = runtime.ledger().tail(1).get(0).record().requestId();
            clock.advance(Duration.ofSeconds(30));
            assertThat(sendAs(runtime, "herald", ctx -> ctx.actions().post("third"))
                            .sent())
                    .isTrue(); // takes the free slot

            runtime.deferred().runDeferred(id.toString());

            assertThat(eventsOf(runtime, id)).containsExactly(LedgerEvent.DEFERRED);
            assertThat(runtime.deferred().status(id)).contains("PENDING");
            clock.advance(Duration.ofSeconds(30));
            runtime.deferred().runDeferred(id.toString());
            assertThat(eventsOf(runtime, id))
                    .containsExactly(LedgerEvent.DEFERRED, LedgerEvent.ALLOWED, LedgerEvent.SENT);
        }
    }

    @Test
    void aDeferralSaysHowManyActionsAreQueued() throws Exception {
        try (BridleRuntime runtime = runtime()) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));

            ActionResult third = sendAs(runtime, "herald", ctx -> ctx.actions().post("third"));

            assertThat(third.reason()).contains("queued: 1 waiting for bot herald, 2 for @acme_news");
            assertThat(runtime.ledger().tail(1).get(0).record().message())
                    .contains("queued: 1 waiting for bot herald, 2 for @acme_news");
            assertThat(runtime.deferred().waiting()).isEqualTo(2);
        }
    }

    /**
     * Issue 11: a bot faster than its limit queued 112 deferred actions in 10 minutes. Cause: the queue had no bound.
     */
    @Test
    void aBotsQueueOfDeferredActionsIsBounded() throws Exception {
        try (BridleRuntime runtime = runtime(new DeferralLimits(2, 50, Duration.ofHours(6)))) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));
            send(runtime, ctx -> ctx.actions().post("third"));

            ActionResult fourth = send(runtime, ctx -> ctx.actions().post("fourth"));

            assertThat(fourth).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
                assertThat(d.rescheduled()).isFalse();
                assertThat(d.message())
                        .contains("not queued: 2 actions are waiting for bot messenger, the most"
                                + " throttles.deferred.maxPerBot (2) allows");
            });
            assertThat(runtime.deferred().waiting()).isEqualTo(2);
            assertThat(sendAs(runtime, "herald", ctx -> ctx.actions().post("fifth"))
                            .queued())
                    .as("another bot of the account has its own bound")
                    .isTrue();
        }
    }

    @Test
    void anAccountsQueueOfDeferredActionsIsBounded() throws Exception {
        try (BridleRuntime runtime = runtime(new DeferralLimits(20, 2, Duration.ofHours(6)))) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));
            sendAs(runtime, "herald", ctx -> ctx.actions().post("third"));

            ActionResult fourth = sendAs(runtime, "herald", ctx -> ctx.actions().post("fourth"));

            assertThat(fourth.queued()).isFalse();
            assertThat(fourth.reason())
                    .contains(
                            "2 actions are waiting for @acme_news, the most throttles.deferred.maxPerAccount (2) allows");
        }
    }

    @Test
    void aDeferredActionOlderThanItsMaximumAgeIsDroppedWithAReason() throws Exception {
        try (BridleRuntime runtime = runtime(new DeferralLimits(20, 50, Duration.ofMinutes(10)))) {
            send(runtime, ctx -> ctx.actions().post("first"));
            send(runtime, ctx -> ctx.actions().post("second"));
            UUID id = runtime.ledger().tail(1).get(0).record().requestId();
            clock.advance(Duration.ofMinutes(11)); // Bridle was down past its time

            runtime.deferred().runDeferred(id.toString());

            assertThat(runtime.deferred().status(id)).contains("EXPIRED");
            assertThat(eventsOf(runtime, id)).containsExactly(LedgerEvent.DEFERRED, LedgerEvent.DENIED);
            assertThat(runtime.ledger().tail(1).get(0).record().reason()).isEqualTo(ReasonCode.DEFERRAL_EXPIRED.name());
            assertThat(runtime.ledger().tail(1).get(0).record().message()).contains("throttles.deferred.maxAge");
            verify(platform, times(1)).perform(any());
        }
    }

    @Test
    void anActionThatCouldNotGoBeforeItsMaximumAgeIsNotQueued() throws Exception {
        try (BridleRuntime runtime = runtime(new DeferralLimits(20, 50, Duration.ofSeconds(20)))) {
            send(runtime, ctx -> ctx.actions().post("first"));

            ActionResult second = send(runtime, ctx -> ctx.actions().post("second")); // 30 s spacing, 20 s most

            assertThat(second.queued()).isFalse();
            assertThat(second.reason())
                    .contains("more than 20 seconds (throttles.deferred.maxAge) after the bot asked");
            assertThat(runtime.deferred().waiting()).isZero();
        }
    }
}
