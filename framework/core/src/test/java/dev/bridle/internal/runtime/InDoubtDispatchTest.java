package dev.bridle.internal.runtime;

import static dev.bridle.audit.LedgerEvent.ALLOWED;
import static dev.bridle.audit.LedgerEvent.DENIED;
import static dev.bridle.audit.LedgerEvent.FAILED;
import static dev.bridle.audit.LedgerEvent.IN_DOUBT;
import static dev.bridle.audit.LedgerEvent.RECONCILED;
import static dev.bridle.audit.LedgerEvent.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.audit.InMemoryAuditLedger;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.guard.RecordingReservingGuard;
import dev.bridle.internal.text.ContentHash;
import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformException.Kind;
import dev.bridle.platform.PlatformReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What the dispatcher does with calls that did not, or may not, have taken effect. */
class InDoubtDispatchTest {

    private final Clock clock = Clock.fixed(Requests.T0, ZoneOffset.UTC);
    private final Platform platform = mock(Platform.class);
    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    private final RecordingReservingGuard reserving = new RecordingReservingGuard();
    private final GuardChain guards = new GuardChain(List.of(reserving));
    /** What happened, in order: each final check ("check") and each platform call ("call"). */
    private final List<String> steps = new ArrayList<>();

    private final AtomicBoolean optedOut = new AtomicBoolean();
    private final GuardChain finalChecks = new GuardChain(List.of(new Guard() {
        @Override
        public String name() {
            return "opt-out-final";
        }

        @Override
        public Verdict check(ActionRequest request) {
            steps.add("check");
            return optedOut.get() ? Verdict.deny(ReasonCode.OPTED_OUT, "the recipient opted out") : Verdict.allow();
        }
    }));
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void close() {
        guards.close();
        finalChecks.close();
    }

    private ActionDispatcher dispatcher() {
        return new ActionDispatcher(
                guards, finalChecks, ledger, platform, clock, null, RetryPolicy.DEFAULT.withSleeper(waits::add));
    }

    private static PlatformException failure(Kind kind) {
        return new PlatformException(kind, kind + " for the test");
    }

    @Test
    void aCallThatCertainlyDidNotTakeEffectIsRetriedWithExponentialBackoff() throws Exception {
        ActionRequest request = Requests.post("hello");
        when(platform.perform(request))
                .thenThrow(failure(Kind.NOT_APPLIED), failure(Kind.NOT_APPLIED))
                .thenReturn(new PlatformReceipt("77"));

        ActionResult result = dispatcher().dispatch(request);

        assertThat(result).isEqualTo(new ActionResult.Sent("77"));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(ledger.events()).containsExactly(ALLOWED, SENT);
        assertThat(reserving.settlements()).containsExactly("confirm 77");
    }

    @Test
    void aCallThatNeverGetsThroughFailsAfterTheLastAttemptAndGivesItsReservationBack() throws Exception {
        when(platform.perform(any())).thenThrow(failure(Kind.NOT_APPLIED));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result.failed()).isTrue();
        verify(platform, times(RetryPolicy.DEFAULT.attempts())).perform(any());
        assertThat(ledger.events()).containsExactly(ALLOWED, FAILED);
        assertThat(ledger.records().get(1).error()).contains("not applied (3 attempts)");
        assertThat(reserving.settlements()).containsExactly("release");
    }

    @Test
    void anInDoubtCallFoundOnThePlatformIsSentWithTheIdFoundAndNotSentAgain() throws Exception {
        ActionRequest request = Requests.post("hello");
        when(platform.perform(request)).thenThrow(failure(Kind.IN_DOUBT));
        when(platform.findApplied(any())).thenReturn(Optional.of("991"));

        ActionResult result = dispatcher().dispatch(request);

        assertThat(result).isEqualTo(new ActionResult.Sent("991"));
        verify(platform, times(1)).perform(any());
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, SENT);
        assertThat(ledger.records().get(2).platformId()).isEqualTo("991");
        assertThat(ledger.records().get(3).platformId()).isEqualTo("991");
        assertThat(reserving.settlements()).containsExactly("confirm 991");
    }

    @Test
    void reconciliationLooksForTheSameTextAndTargetsFromJustBeforeTheDecision() throws Exception {
        ActionRequest request = Requests.directMessage("42", "thanks!");
        when(platform.perform(request)).thenThrow(failure(Kind.IN_DOUBT));
        when(platform.findApplied(any())).thenReturn(Optional.of("5"));

        dispatcher().dispatch(request);

        ArgumentCaptor<ActionTrace> trace = ArgumentCaptor.forClass(ActionTrace.class);
        verify(platform).findApplied(trace.capture());
        assertThat(trace.getValue().contentHash()).isEqualTo(ContentHash.sha256Hex("thanks!"));
        assertThat(trace.getValue().targetIds()).containsExactly("42");
        assertThat(trace.getValue().notBefore()).isEqualTo(Requests.T0.minus(Reconciler.CLOCK_SKEW));
        assertThat(waits)
                .as("the platform is given time to settle first")
                .containsExactly(RetryPolicy.DEFAULT.settle());
    }

    @Test
    void anInDoubtCallNotOnThePlatformIsRetriedOnce() throws Exception {
        ActionRequest request = Requests.post("hello");
        when(platform.perform(request)).thenThrow(failure(Kind.IN_DOUBT)).thenReturn(new PlatformReceipt("12"));
        when(platform.findApplied(any())).thenReturn(Optional.empty());

        ActionResult result = dispatcher().dispatch(request);

        assertThat(result).isEqualTo(new ActionResult.Sent("12"));
        verify(platform, times(2)).perform(any());
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, SENT);
        assertThat(ledger.records().get(2).platformId()).isNull();
    }

    @Test
    void aRetryInDoubtAgainIsReconciledAgainAndNeverSentAThirdTime() throws Exception {
        when(platform.perform(any())).thenThrow(failure(Kind.IN_DOUBT));
        when(platform.findApplied(any())).thenReturn(Optional.empty());

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result.failed()).isTrue();
        verify(platform, times(2)).perform(any());
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, IN_DOUBT, RECONCILED, FAILED);
        assertThat(reserving.settlements()).containsExactly("release");
    }

    @Test
    void aDuplicateRefusalOfTheRetryProvesThePostWentOutAndItsIdIsFound() throws Exception {
        // The timeline lagged: the first look did not show the post, the retry was refused as a duplicate (187).
        ActionRequest request = Requests.post("hello");
        when(platform.perform(request)).thenThrow(failure(Kind.IN_DOUBT), failure(Kind.DUPLICATE));
        when(platform.findApplied(any())).thenReturn(Optional.empty()).thenReturn(Optional.of("300"));

        ActionResult result = dispatcher().dispatch(request);

        assertThat(result).isEqualTo(new ActionResult.Sent("300"));
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, RECONCILED, SENT);
        assertThat(reserving.settlements()).containsExactly("confirm 300");
    }

    @Test
    void aDuplicateOfAnInDoubtPostWhoseIdCannotBeFoundStaysInDoubt() throws Exception {
        when(platform.perform(any())).thenThrow(failure(Kind.IN_DOUBT), failure(Kind.DUPLICATE));
        when(platform.findApplied(any())).thenReturn(Optional.empty());

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Failed.class,
                        f -> assertThat(f.error()).startsWith("in doubt").contains("duplicate"));
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, IN_DOUBT);
        assertThat(reserving.settlements()).containsExactly("confirm null");
    }

    @Test
    void whenReconciliationFailsTheActionStaysInDoubtAndIsNotResent() throws Exception {
        when(platform.perform(any())).thenThrow(failure(Kind.IN_DOUBT));
        when(platform.findApplied(any())).thenThrow(failure(Kind.RATE_LIMITED));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Failed.class,
                        f -> assertThat(f.error()).startsWith("in doubt").contains("could not reconcile"));
        verify(platform, times(1)).perform(any());
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT);
        assertThat(reserving.settlements()).containsExactly("confirm null");
    }

    /**
     * Issue 11: a direct message in doubt, its user sent STOP while it settled, and the retry went out anyway. Cause:
     * the retry called the platform without the final checks.
     */
    @Test
    void aRetryAfterAnInDoubtCallIsStoppedByAnOptOutRecordedWhileItSettled() throws Exception {
        ActionRequest request = Requests.directMessage("42", "your order shipped");
        when(platform.perform(request))
                .thenAnswer(call -> {
                    steps.add("call");
                    throw failure(Kind.IN_DOUBT);
                })
                .thenAnswer(call -> {
                    steps.add("call");
                    return new PlatformReceipt("13");
                });
        when(platform.findApplied(any())).thenReturn(Optional.empty());
        ActionDispatcher dispatcher = new ActionDispatcher(
                guards,
                finalChecks,
                ledger,
                platform,
                clock,
                null,
                RetryPolicy.DEFAULT.withSleeper(wait -> optedOut.set(true))); // the STOP arrives during the settle wait

        ActionResult result = dispatcher.dispatch(request);

        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.OPTED_OUT));
        verify(platform, times(1)).perform(any());
        assertThat(steps).containsExactly("check", "call", "check");
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, DENIED);
        assertThat(reserving.settlements()).containsExactly("release");
    }

    /** Issue 11: the retries after a call that did not reach the platform skipped the final checks too. */
    @Test
    void aRetryAfterACallThatDidNotReachThePlatformIsStoppedByAnOptOutRecordedDuringTheBackoff() throws Exception {
        ActionRequest request = Requests.directMessage("42", "your order shipped");
        when(platform.perform(request)).thenAnswer(call -> {
            steps.add("call");
            throw failure(Kind.NOT_APPLIED);
        });
        ActionDispatcher dispatcher = new ActionDispatcher(
                guards,
                finalChecks,
                ledger,
                platform,
                clock,
                null,
                RetryPolicy.DEFAULT.withSleeper(wait -> optedOut.set(true)));

        ActionResult result = dispatcher.dispatch(request);

        assertThat(result.denied()).isTrue();
        assertThat(steps).containsExactly("check", "call", "check");
        assertThat(ledger.events()).containsExactly(ALLOWED, DENIED);
        assertThat(reserving.settlements()).containsExactly("release");
    }

    @Test
    void theFinalChecksRunImmediatelyBeforeEveryCall() throws Exception {
        ActionRequest request = Requests.post("hello");
        when(platform.perform(request))
                .thenAnswer(call -> {
                    steps.add("call");
                    throw failure(Kind.NOT_APPLIED);
                })
                .thenAnswer(call -> {
                    steps.add("call");
                    throw failure(Kind.IN_DOUBT);
                })
                .thenAnswer(call -> {
                    steps.add("call");
                    return new PlatformReceipt("5");
                });
        when(platform.findApplied(any())).thenReturn(Optional.empty());

        assertThat(dispatcher().dispatch(request)).isEqualTo(new ActionResult.Sent("5"));

        assertThat(steps).containsExactly("check", "call", "check", "call", "check", "call");
    }

    @Test
    void aFirstDuplicateRefusalIsADenialNotAReconciliation() throws Exception {
        when(platform.perform(any()))
                .thenThrow(new PlatformException(Kind.DUPLICATE, "Status is a duplicate.", 403, 187, null, null));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result.denied()).isTrue();
        verify(platform, times(0)).findApplied(any());
        assertThat(reserving.settlements()).containsExactly("release");
    }
}
