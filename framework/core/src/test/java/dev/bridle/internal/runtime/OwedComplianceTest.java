package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.inbound.ComplianceReplies;
import dev.bridle.internal.inbound.InboundEvent;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bridle's compliance messages are owed to the user: a passing failure (the platform out of reach, a crash) delays
 * them, never drops them, and they are sent once.
 */
class OwedComplianceTest {

    private static final Account NEWS = new Account("acme_news", "1001");
    private static final UserRef ANA = new UserRef("2001", "ana");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Requests.T0);
    private final Platform platform = mock(Platform.class);
    /** The texts of the direct messages the platform accepted. */
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        when(platform.verifyCredentials(any())).thenReturn(NEWS);
        when(platform.mentionsSince(any(), any())).thenReturn(List.of());
        when(platform.directMessagesSince(any(), any())).thenReturn(List.of());
    }

    private BridleRuntime runtime() {
        BridleConfig config = new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("acme-dev", "test"),
                false,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of());
        return BridleRuntime.create(
                config,
                PlatformSource.of(platform),
                clock,
                RuntimeOptions.defaults()
                        .hooks(new RuntimeHooks(
                                RetryPolicy.DEFAULT.withSleeper(wait -> {}), UnaryOperator.identity())));
    }

    private static InboundEvent stop(String id) {
        return new InboundEvent.MessageEvent(NEWS, new DirectMessage(id, ANA, "STOP", Requests.T0));
    }

    private void platformDelivers() throws Exception {
        doAnswer(call -> {
                    ActionRequest request = call.getArgument(0);
                    delivered.add(request.text());
                    return new PlatformReceipt("90" + delivered.size());
                })
                .when(platform)
                .perform(any());
    }

    private static List<LedgerEntry> keywordRows(BridleRuntime runtime) {
        return runtime.ledger().tail(1_000).stream()
                .filter(e -> ComplianceReplies.SENDER.equals(e.record().bot()))
                .toList();
    }

    /**
     * Issue 11: an opt-out confirmation that could not reach the platform was dropped. Cause: compliance replies were
     * sent once, like any bot's action, and a passing failure ended them.
     */
    @Test
    void anOptOutConfirmationThatCouldNotReachThePlatformIsSentLater() throws Exception {
        PlatformException refused = new PlatformException(PlatformException.Kind.NOT_APPLIED, "connection refused");
        when(platform.perform(any())).thenThrow(refused, refused, refused);
        try (BridleRuntime runtime = runtime()) {
            runtime.inbound().accept(stop("700"));

            List<LedgerEntry> rows = keywordRows(runtime);
            assertThat(rows)
                    .extracting(e -> e.record().event())
                    .containsExactly(LedgerEvent.ALLOWED, LedgerEvent.FAILED);
            assertThat(rows.get(1).record().error())
                    .contains("owed to the user, so it is tried again at " + Requests.T0.plusSeconds(30));
            UUID id = rows.get(0).record().requestId();
            assertThat(runtime.deferred().status(id)).contains("PENDING");

            platformDelivers();
            clock.advance(Duration.ofSeconds(30));
            runtime.deferred().runDeferred(id.toString());

            assertThat(keywordRows(runtime))
                    .extracting(e -> e.record().event())
                    .containsExactly(LedgerEvent.ALLOWED, LedgerEvent.FAILED, LedgerEvent.ALLOWED, LedgerEvent.SENT);
            assertThat(delivered).hasSize(1);
            assertThat(runtime.deferred().status(id)).contains("DONE");
        }
    }

    @Test
    void anOptOutConfirmationCutShortByACrashIsSentOnceAfterTheRestart() throws Exception {
        UUID id;
        when(platform.perform(any())).thenThrow(new DeferredActionsTest.SimulatedCrash());
        try (BridleRuntime runtime = runtime()) {
            assertThatThrownBy(() -> runtime.inbound().accept(stop("700")))
                    .isInstanceOf(DeferredActionsTest.SimulatedCrash.class);
            id = keywordRows(runtime).get(0).record().requestId();
        }
        when(platform.findApplied(any())).thenReturn(Optional.empty()); // it never reached the platform
        platformDelivers();
        clock.advance(
                Duration.ofSeconds(31)); // the crashed try's throttle tokens survive the restart: past the spacing

        try (BridleRuntime restarted = runtime()) {
            assertThat(restarted.deferred().status(id))
                    .as("queued again at start-up")
                    .contains("PENDING");
            restarted.deferred().runDeferred(id.toString());
            restarted.inbound().accept(stop("700")); // the same STOP seen again is not answered again

            assertThat(delivered).hasSize(1);
            assertThat(keywordRows(restarted))
                    .extracting(e -> e.record().event())
                    .containsExactly(
                            LedgerEvent.ALLOWED,
                            LedgerEvent.RECONCILED,
                            LedgerEvent.FAILED,
                            LedgerEvent.ALLOWED,
                            LedgerEvent.SENT);
        }
    }

    @Test
    void aComplianceMessageIsNotCancelledByTheOptOutItConfirms() throws Exception {
        PlatformException refused = new PlatformException(PlatformException.Kind.NOT_APPLIED, "connection refused");
        when(platform.perform(any())).thenThrow(refused, refused, refused);
        try (BridleRuntime runtime = runtime()) {
            runtime.inbound().accept(stop("700"));
            UUID id = keywordRows(runtime).get(0).record().requestId();

            runtime.inbound()
                    .accept(stop("701")); // a second STOP while the confirmation waits cancels what waits towards ana
            platformDelivers();
            clock.advance(Duration.ofSeconds(30));
            runtime.deferred().runDeferred(id.toString());

            assertThat(delivered).hasSize(1);
            assertThat(keywordRows(runtime))
                    .filteredOn(e -> e.record().event() == LedgerEvent.SENT)
                    .singleElement()
                    .satisfies(e -> assertThat(e.record().actionKind()).isEqualTo(ActionKind.DIRECT_MESSAGE.name()));
        }
    }

    /**
     * Found running the demo: a compliance message put off on its first try was counted twice in the queue (its own
     * row, then once more).
     */
    @Test
    void aComplianceMessagePutOffOnItsFirstTryIsCountedOnceInTheQueue() throws Exception {
        platformDelivers();
        try (BridleRuntime runtime = runtime()) {
            runtime.inbound().accept(stop("700"));
            runtime.inbound()
                    .accept(new InboundEvent.MessageEvent(
                            NEWS, new DirectMessage("701", new UserRef("2002", "ben"), "STOP", Requests.T0)));

            LedgerEntry deferred = keywordRows(runtime).get(keywordRows(runtime).size() - 1);
            assertThat(deferred.record().event()).isEqualTo(LedgerEvent.DEFERRED);
            assertThat(deferred.record().message())
                    .endsWith("queued: 1 waiting for bot bridle-keywords, 1 for @acme_news");
            assertThat(runtime.deferred().waiting()).isEqualTo(1);
        }
    }
}
