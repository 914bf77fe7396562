package dev.bridle.runtime;

import static org.assertj.core.api.Assertions.assertThat;
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
import dev.bridle.bot.UserRef;
import dev.bridle.config.AccountConfig;
import dev.bridle.config.AppConfig;
import dev.bridle.config.BotConfig;
import dev.bridle.config.BridleConfig;
import dev.bridle.config.Environment;
import dev.bridle.config.PlatformConfig;
import dev.bridle.config.SchedulerConfig;
import dev.bridle.guard.ReasonCode;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.store.TestStores;
import dev.bridle.testing.SettableClock;
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
        static final AtomicReference<java.util.function.Function<BotContext, ActionResult>> NEXT = new AtomicReference<>();
        static final AtomicReference<ActionResult> LAST = new AtomicReference<>();

        @Override
        public void onSchedule(BotContext ctx) {
            LAST.set(NEXT.get().apply(ctx));
        }
    }

    private static final UserRef ANA = new UserRef("2001", "ana");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Requests.T0);
    private final Platform platform = mock(Platform.class);

    @BeforeEach
    void setUp() throws Exception {
        when(platform.verifyCredentials(any())).thenReturn(new Account("acme_news", "1001"));
        when(platform.perform(any())).thenReturn(new PlatformReceipt("9001"));
    }

    private BridleRuntime runtime() {
        BridleConfig config = new BridleConfig("<test>", Environment.DEV, new AppConfig("acme-dev", "test"), false,
                TestStores.h2(dir), new PlatformConfig(PlatformConfig.ApiVersion.V2, null), new SchedulerConfig(1), List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(new BotConfig("messenger", Messenger.class.getName(), "acme_news", null, Set.of())));
        return BridleRuntime.create(config, platform, clock, List.of(), getClass().getClassLoader());
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
            assertThat(runtime.ledger().tail(2)).extracting(e -> e.record().event(), e -> e.record().requestId())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerEvent.ALLOWED, id),
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
            ActionResult dm = send(runtime, ctx -> ctx.actions().directMessage(ANA, "your order shipped"));
            assertThat(dm.deferred()).isTrue();
            UUID id = runtime.ledger().tail(1).get(0).record().requestId();

            assertThat(runtime.deferred().cancelTowards(ANA.id())).isEqualTo(1);
            clock.advance(Duration.ofSeconds(30));
            runtime.deferred().runDeferred(id.toString());

            assertThat(runtime.deferred().status(id)).contains("CANCELLED");
            verify(platform, times(1)).perform(any());
        }
    }
}
