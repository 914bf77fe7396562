package dev.bridle.internal.runtime;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.platform.ActionTrace;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a call whose answer was lost (a timeout, a reset, a 5xx after the write) while the action is being sent: the
 * doubt is recorded (IN_DOUBT) first, then, after the platform has had time to settle ({@link RetryPolicy#settle}), the
 * platform is asked whether the call took effect ({@link Reconciler}). Found, the action was sent, with the id found;
 * not found, it may be tried once more (the dispatcher runs the final checks again first); not found after that retry,
 * it failed; if the platform cannot tell, it stays IN_DOUBT and is never re-sent blindly. A duplicate refusal of the
 * retry proves the first call went out. (After a crash, {@link InDoubtRecovery} settles at start-up, and re-sends
 * nothing.)
 */
final class InDoubtSettling {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    /** What became of a call in doubt. */
    sealed interface Settled {
        /** It took effect, as {@code platformId} (recorded RECONCILED): the action was sent. */
        record Found(String platformId) implements Settled {}

        /** It certainly did not take effect (recorded RECONCILED), and may be tried once more. */
        record TryAgain() implements Settled {}

        /** The action ends with {@code result}, recorded, its reservations settled. */
        record Ended(ActionResult result) implements Settled {}
    }

    private final GuardChain guards;
    private final OutcomeRecorder recorder;
    private final PlatformFailures failures;
    private final Reconciler reconciler;
    private final RetryPolicy retry;
    private final Clock clock;

    InDoubtSettling(
            GuardChain guards,
            OutcomeRecorder recorder,
            PlatformFailures failures,
            Reconciler reconciler,
            RetryPolicy retry,
            Clock clock) {
        this.guards = guards;
        this.recorder = recorder;
        this.failures = failures;
        this.reconciler = reconciler;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Records the doubt, then asks the platform.
     *
     * @param allowedAt when the action was allowed: the platform is searched from a little before it
     * @param error what made the call doubtful
     * @param afterRetry whether this call was already the one retry after a doubt
     */
    Settled settle(ActionRequest request, Instant allowedAt, String error, boolean afterRetry) {
        recorder.record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.IN_DOUBT, null, error));
        log.warn(
                "action {} is in doubt ({}); reconciling it with the platform before any retry",
                request.requestId(),
                error);
        Reconciler.Finding finding = lookUp(request, allowedAt);
        if (finding instanceof Reconciler.Finding.Applied applied) {
            return found(request, applied.platformId());
        }
        if (finding instanceof Reconciler.Finding.NotApplied) {
            if (!afterRetry) {
                recorder.record(LedgerRecords.reconciled(
                        request,
                        clock.instant(),
                        null,
                        "not on the platform: it did not take effect; trying once more"));
                return new Settled.TryAgain();
            }
            recorder.record(LedgerRecords.reconciled(
                    request, clock.instant(), null, "not on the platform after the retry either"));
            guards.release(request);
            return new Settled.Ended(failures.failed(request, "did not take effect: " + error));
        }
        String why = ((Reconciler.Finding.Unknown) finding).why();
        log.warn(
                "action {} stays in doubt: the platform could not tell whether it took effect ({}); it will not be re-sent",
                request.requestId(),
                why);
        guards.confirm(request, null);
        return new Settled.Ended(new ActionResult.Failed("in doubt: " + error + "; could not reconcile: " + why));
    }

    /** The retry of an in-doubt post was refused as a duplicate: proof the first call went out. Finds its id. */
    Settled duplicateOfRetry(ActionRequest request, Instant allowedAt) {
        Reconciler.Finding finding = lookUp(request, allowedAt);
        if (finding instanceof Reconciler.Finding.Applied applied) {
            return found(request, applied.platformId());
        }
        String error =
                "the platform refused the retry as a duplicate, so the first call went out, but its id was not found";
        recorder.record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.IN_DOUBT, null, error));
        guards.confirm(request, null);
        return new Settled.Ended(new ActionResult.Failed("in doubt: " + error));
    }

    /** Waits for the platform to settle, then asks it; an interrupted wait finds nothing. */
    private Reconciler.Finding lookUp(ActionRequest request, Instant allowedAt) {
        return retry.pause(retry.settle())
                ? reconciler.check(ActionTrace.of(request, allowedAt.minus(Reconciler.CLOCK_SKEW)))
                : new Reconciler.Finding.Unknown("interrupted before reconciling");
    }

    private Settled found(ActionRequest request, String platformId) {
        recorder.record(LedgerRecords.reconciled(
                request, clock.instant(), platformId, "found on the platform: it took effect"));
        log.info("action {} was in doubt and is found on the platform as {}", request.requestId(), platformId);
        return new Settled.Found(platformId);
    }
}
