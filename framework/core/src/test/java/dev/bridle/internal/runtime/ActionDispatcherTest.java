package dev.bridle.internal.runtime;

import static dev.bridle.audit.LedgerEvent.ALLOWED;
import static dev.bridle.audit.LedgerEvent.DEFERRED;
import static dev.bridle.audit.LedgerEvent.DENIED;
import static dev.bridle.audit.LedgerEvent.FAILED;
import static dev.bridle.audit.LedgerEvent.IN_DOUBT;
import static dev.bridle.audit.LedgerEvent.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.audit.VerifyReport;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.audit.InMemoryAuditLedger;
import dev.bridle.internal.guard.DryRunGuard;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.guard.RecordingReservingGuard;
import dev.bridle.internal.text.ContentHash;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionDispatcherTest {

    private final Clock clock = Clock.fixed(Requests.T0, ZoneOffset.UTC);
    private final Platform platform = mock(Platform.class);
    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    private GuardChain guards = new GuardChain(List.of());
    private GuardChain finalChecks = new GuardChain(List.of());

    @AfterEach
    void close() {
        guards.close();
        finalChecks.close();
    }

    /** Retries without waiting. */
    static final RetryPolicy NO_WAIT = RetryPolicy.DEFAULT.withSleeper(d -> {});

    private ActionDispatcher dispatcher() {
        return new ActionDispatcher(guards, finalChecks, ledger, platform, clock, null, NO_WAIT);
    }

    private static Guard fixed(String name, Verdict verdict) {
        return new Guard() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict check(ActionRequest request) {
                return verdict;
            }
        };
    }

    @Test
    void anAllowedActionIsReservedInTheLedgerThenSentThenRecorded() throws Exception {
        ActionRequest request = Requests.post("Release 2.1 is out");
        when(platform.perform(request)).thenReturn(new PlatformReceipt("1789"));

        ActionResult result = dispatcher().dispatch(request);

        assertThat(result).isEqualTo(new ActionResult.Sent("1789"));
        assertThat(ledger.events()).containsExactly(ALLOWED, SENT);
        LedgerRecord sent = ledger.records().get(1);
        assertThat(sent.requestId()).isEqualTo(request.requestId());
        assertThat(sent.platformId()).isEqualTo("1789");
        assertThat(sent.contentHash()).isEqualTo(ContentHash.sha256Hex("Release 2.1 is out"));
        assertThat(sent.bot()).isEqualTo("poster");
        assertThat(sent.account()).isEqualTo("acme_news");
        assertThat(sent.actionKind()).isEqualTo("POST");
    }

    /**
     * Records which appends were waited for: {@code append} is durable when it returns; {@code appendAsync} here never
     * becomes durable, as if the process died before the next group commit.
     */
    private static final class StepLedger implements AuditLedger {
        final InMemoryAuditLedger rows = new InMemoryAuditLedger();
        final List<String> steps;

        StepLedger(List<String> steps) {
            this.steps = steps;
        }

        @Override
        public LedgerEntry append(LedgerRecord record) {
            steps.add("durable " + record.event());
            return rows.append(record);
        }

        @Override
        public CompletableFuture<LedgerEntry> appendAsync(LedgerRecord record) {
            steps.add("queued " + record.event());
            return new CompletableFuture<>();
        }

        @Override
        public List<LedgerEntry> tail(int n) {
            return rows.tail(n);
        }

        @Override
        public VerifyReport verify() {
            return rows.verify();
        }
    }

    @Test
    void theDecisionIsDurableBeforeTheSendAndTheOutcomeIsNotWaitedFor() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        StepLedger stepLedger = new StepLedger(steps);
        ActionRequest request = Requests.post("Release 2.1 is out");
        when(platform.perform(request)).thenAnswer(call -> {
            steps.add("perform");
            return new PlatformReceipt("1789");
        });

        ActionResult result =
                new ActionDispatcher(guards, finalChecks, stepLedger, platform, clock, null, NO_WAIT).dispatch(request);

        // the SENT row's future never completes, yet the bot has its result
        assertThat(result).isEqualTo(new ActionResult.Sent("1789"));
        assertThat(steps).containsExactly("durable ALLOWED", "perform", "queued SENT");
    }

    @Test
    void anOutcomeTheLedgerCannotRecordDoesNotChangeTheResult() throws Exception {
        ActionRequest request = Requests.post("Release 2.1 is out");
        when(platform.perform(request)).thenAnswer(call -> {
            ledger.failFromNowOn(); // the store dies while the call is out
            return new PlatformReceipt("1789");
        });

        ActionResult result = dispatcher().dispatch(request);

        assertThat(result).isEqualTo(new ActionResult.Sent("1789"));
        assertThat(ledger.events()).containsExactly(ALLOWED);
    }

    @Test
    void aDeniedActionNeverReachesThePlatformAndTheLedgerSaysWhy() throws Exception {
        guards = new GuardChain(
                List.of(fixed("consent", Verdict.deny(ReasonCode.NO_CONSENT, "no consent from user 42"))));

        ActionResult result = dispatcher().dispatch(Requests.directMessage("42", "hi"));

        assertThat(result)
                .isEqualTo(new ActionResult.Denied(
                        ReasonCode.NO_CONSENT, Rule.AUTOMATED_CONTACT_CONSENT, "no consent from user 42"));
        verify(platform, never()).perform(any());
        LedgerRecord denied = ledger.records().get(0);
        assertThat(denied.event()).isEqualTo(DENIED);
        assertThat(denied.guard()).isEqualTo("consent");
        assertThat(denied.reason()).isEqualTo("NO_CONSENT");
        assertThat(denied.rule()).isEqualTo("AUTOMATED_CONTACT_CONSENT");
        assertThat(denied.targets()).containsExactly("42");
    }

    @Test
    void aDeferredActionIsRecordedAndNotSent() throws Exception {
        Instant until = Requests.T0.plusSeconds(600);
        guards = new GuardChain(
                List.of(fixed("throttle", Verdict.defer(until, ReasonCode.THROTTLED_ACCOUNT, "3 posts an hour"))));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result)
                .isEqualTo(new ActionResult.Deferred(
                        until,
                        ReasonCode.THROTTLED_ACCOUNT,
                        "3 posts an hour; not queued: this dispatcher keeps no queue"));
        assertThat(ledger.events()).containsExactly(DEFERRED);
        verify(platform, never()).perform(any());
    }

    @Test
    void theFinalCheckRunsAfterTheReservationAndCanStillStopTheSend() throws Exception {
        finalChecks = new GuardChain(
                List.of(fixed("opt-out", Verdict.deny(ReasonCode.OPTED_OUT, "user 42 opted out a moment ago"))));

        ActionResult result = dispatcher().dispatch(Requests.directMessage("42", "hi"));

        assertThat(result.denied()).isTrue();
        assertThat(ledger.events()).containsExactly(ALLOWED, DENIED);
        verify(platform, never()).perform(any());
    }

    @Test
    void whenTheLedgerCannotRecordTheDecisionNothingIsSent() throws Exception {
        ledger.failFromNowOn();

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Denied.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
            assertThat(d.message()).contains("ledger");
        });
        verify(platform, never()).perform(any());
    }

    @Test
    void dryRunCoversEveryKindOfActionAndSendsNothing() throws Exception {
        guards = new GuardChain(List.of(new DryRunGuard()));
        ActionDispatcher dispatcher = dispatcher();

        for (ActionRequest request :
                List.of(Requests.post("hi"), Requests.directMessage("42", "hi"), Requests.follow("42"))) {
            ActionResult result = dispatcher.dispatch(request);
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.DRY_RUN));
        }
        verify(platform, never()).perform(any());
        assertThat(ledger.events()).containsExactly(DENIED, DENIED, DENIED);
    }

    @Test
    void aRateLimitDefersUntilTheReset() throws Exception {
        Instant reset = Requests.T0.plusSeconds(420);
        when(platform.perform(any()))
                .thenThrow(new PlatformException(PlatformException.Kind.RATE_LIMITED, "429", 429, 88, reset, null));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
            assertThat(d.until()).isEqualTo(reset);
            assertThat(d.code()).isEqualTo(ReasonCode.RATE_LIMITED);
        });
        assertThat(ledger.events()).containsExactly(ALLOWED, DEFERRED);
    }

    @Test
    void thePlatformsDuplicateRefusalIsADenial() throws Exception {
        when(platform.perform(any()))
                .thenThrow(new PlatformException(
                        PlatformException.Kind.DUPLICATE, "Status is a duplicate.", 403, 187, null, null));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class,
                        d -> assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_SAME_ACCOUNT));
        assertThat(ledger.events()).containsExactly(ALLOWED, FAILED);
    }

    @Test
    void aCallThatMayHaveTakenEffectIsMarkedInDoubtAndStaysSoWhenThePlatformCannotTell() throws Exception {
        when(platform.perform(any()))
                .thenThrow(new PlatformException(PlatformException.Kind.IN_DOUBT, "read timed out"));
        when(platform.findApplied(any()))
                .thenThrow(new PlatformException(PlatformException.Kind.NOT_APPLIED, "timeline unreadable"));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Failed.class, f -> assertThat(f.error()).startsWith("in doubt"));
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT);
    }

    @Test
    void reservationsAreConfirmedWhenSentAndReleasedWhenNot() throws Exception {
        RecordingReservingGuard reserving = new RecordingReservingGuard();
        guards = new GuardChain(List.of(reserving));
        when(platform.perform(any()))
                .thenReturn(new PlatformReceipt("1"))
                .thenThrow(new PlatformException(PlatformException.Kind.RATE_LIMITED, "429"))
                .thenThrow(new PlatformException(PlatformException.Kind.IN_DOUBT, "reset"));
        when(platform.findApplied(any()))
                .thenThrow(new PlatformException(PlatformException.Kind.NOT_APPLIED, "cannot tell"));
        ActionDispatcher dispatcher = dispatcher();

        dispatcher.dispatch(Requests.post("one"));
        dispatcher.dispatch(Requests.post("two"));
        dispatcher.dispatch(Requests.post("three"));

        assertThat(reserving.settlements()).containsExactly("confirm 1", "release", "confirm null");
    }

    @Test
    void aFinalCheckDenialReleasesTheReservation() {
        RecordingReservingGuard reserving = new RecordingReservingGuard();
        guards = new GuardChain(List.of(reserving));
        finalChecks = new GuardChain(List.of(fixed("opt-out", Verdict.deny(ReasonCode.OPTED_OUT, "opted out"))));

        dispatcher().dispatch(Requests.directMessage("42", "hi"));

        assertThat(reserving.settlements()).containsExactly("release");
    }

    @Test
    void anUnexpectedAdapterFailureIsTreatedAsInDoubt() throws Exception {
        when(platform.perform(any())).thenThrow(new IllegalStateException("bug"));

        ActionResult result = dispatcher().dispatch(Requests.post("hello"));

        assertThat(result.failed()).isTrue();
        assertThat(ledger.events()).containsExactly(ALLOWED, IN_DOUBT);
    }

    /** Remembers what it was asked to queue; queues every deferral and every retry. */
    private static final class RecordingDeferral implements Deferral {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final Instant retryAt = Requests.T0.plusSeconds(30);

        @Override
        public Queueing defer(ActionRequest request, Instant until) {
            asked.add("defer " + until);
            return new Queueing(Queueing.Outcome.QUEUED, "queued: 1 waiting");
        }

        @Override
        public java.util.Optional<Instant> retry(ActionRequest request) {
            asked.add("retry");
            return java.util.Optional.of(retryAt);
        }
    }

    private static ActionRequest compliance(ActionRequest request) {
        return new ActionRequest(
                request.requestId(),
                "bridle-keywords",
                request.account(),
                request.kind(),
                request.text(),
                request.targets(),
                request.post(),
                request.inboundId(),
                request.requestedAt(),
                dev.bridle.guard.ActionOrigin.COMPLIANCE);
    }

    /**
     * Issue 11: a START acknowledgement denied GUARD_UNAVAILABLE (a guard over its budget) was never retried. Cause: a
     * compliance message was dispatched once, like any bot's action.
     */
    @Test
    void aComplianceMessageAGuardCouldNotDecideAboutIsQueuedToTryAgain() throws Exception {
        guards = new GuardChain(List.of(new Guard() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Verdict check(ActionRequest request) {
                throw new IllegalStateException("the store did not answer");
            }
        }));
        RecordingDeferral deferral = new RecordingDeferral();
        ActionDispatcher dispatcher =
                new ActionDispatcher(guards, finalChecks, ledger, platform, clock, null, NO_WAIT, deferral);

        ActionResult owed =
                dispatcher.dispatch(compliance(Requests.directMessage("42", "You will get no more messages.")));
        ActionResult bots = dispatcher.dispatch(Requests.directMessage("42", "Your order shipped."));

        assertThat(owed).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
            assertThat(d.rescheduled()).isTrue();
            assertThat(d.until()).isEqualTo(deferral.retryAt);
        });
        assertThat(bots.denied()).as("a bot's action is denied, as ever").isTrue();
        assertThat(deferral.asked).containsExactly("retry");
        assertThat(ledger.events()).containsExactly(DEFERRED, DENIED);
        assertThat(ledger.records().get(0).message())
                .contains("owed to the user, so it is tried again at " + deferral.retryAt);
        verify(platform, never()).perform(any());
    }

    @Test
    void aComplianceMessageTheLedgerCouldNotRecordIsQueuedToTryAgain() throws Exception {
        RecordingDeferral deferral = new RecordingDeferral();
        AuditLedger down = new AuditLedger() {
            @Override
            public LedgerEntry append(LedgerRecord record) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public List<LedgerEntry> tail(int n) {
                return List.of();
            }

            @Override
            public VerifyReport verify() {
                throw new UnsupportedOperationException();
            }
        };
        ActionDispatcher dispatcher =
                new ActionDispatcher(guards, finalChecks, down, platform, clock, null, NO_WAIT, deferral);

        ActionResult owed =
                dispatcher.dispatch(compliance(Requests.directMessage("42", "You will get no more messages.")));

        assertThat(owed.queued()).isTrue();
        assertThat(deferral.asked).containsExactly("retry");
        verify(platform, never()).perform(any());
    }
}
