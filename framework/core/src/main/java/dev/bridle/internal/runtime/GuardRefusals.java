package dev.bridle.internal.runtime;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What a refusal by the plan or the final checks becomes, recorded and returned: DENIED, or DEFERRED and handed to the
 * {@link Deferral} (which says whether it was queued before the ledger records it; a queued action re-checked and put
 * off again is not recorded a second time). Bridle's own compliance messages are owed to the user: when a guard cannot
 * decide, the ledger cannot record, or the platform cannot be reached, they are queued to be tried again
 * ({@link Deferral#retry}) instead of being dropped.
 */
final class GuardRefusals {

    /** The guard name the ledger gives the queue of deferred actions, when it drops one. */
    static final String DEFERRED_QUEUE = "deferred-queue";
    /** Why an owed message is queued again, followed by when. */
    private static final String OWED = "a compliance message is owed to the user, so it is tried again at ";

    private final OutcomeRecorder recorder;
    private final Deferral deferral;
    private final Clock clock;

    GuardRefusals(OutcomeRecorder recorder, Deferral deferral, Clock clock) {
        this.recorder = recorder;
        this.deferral = deferral;
        this.clock = clock;
    }

    /**
     * Records and returns a denial or deferral.
     *
     * @param afterAllowed whether an ALLOWED row of this run precedes it: then a row is always written, since that
     *     decision needs its outcome
     */
    ActionResult refuse(ActionRequest request, Decision decision, boolean afterAllowed) {
        Instant now = clock.instant();
        Verdict verdict = decision.verdict();
        if (verdict instanceof Verdict.Deny deny) {
            if (deny.code() == ReasonCode.GUARD_UNAVAILABLE && owed(request)) {
                Optional<Instant> again = deferral.retry(request);
                if (again.isPresent()) {
                    String message = deny.message() + "; " + OWED + again.get();
                    recorder.record(LedgerRecords.decision(
                            request, now, LedgerEvent.DEFERRED, decision.guard(), deny.code(), message));
                    return new ActionResult.Deferred(again.get(), deny.code(), message, true);
                }
            }
            recorder.record(LedgerRecords.decision(
                    request, now, LedgerEvent.DENIED, decision.guard(), deny.code(), deny.message()));
            return new ActionResult.Denied(deny.code(), deny.code().rule(), deny.message());
        }
        if (verdict instanceof Verdict.Defer defer) {
            Deferral.Queueing queueing = deferral.defer(request, defer.until());
            if (queueing.outcome() == Deferral.Queueing.Outcome.EXPIRED) {
                return refuse(
                        request,
                        new Decision(
                                Verdict.deny(ReasonCode.DEFERRAL_EXPIRED, defer.message() + "; " + queueing.note()),
                                decision.guard()),
                        afterAllowed);
            }
            String message = defer.message() + "; " + queueing.note();
            if (afterAllowed || queueing.outcome() != Deferral.Queueing.Outcome.REQUEUED) {
                recorder.record(LedgerRecords.decision(
                        request, now, LedgerEvent.DEFERRED, decision.guard(), defer.code(), message));
            }
            return new ActionResult.Deferred(defer.until(), defer.code(), message, queueing.queued());
        }
        throw new IllegalArgumentException("not a refusal: " + decision);
    }

    /**
     * A queued action that waited too long, dropped without consulting the guards
     * ({@link ReasonCode#DEFERRAL_EXPIRED}).
     */
    ActionResult expire(ActionRequest request, String why) {
        return refuse(request, new Decision(Verdict.deny(ReasonCode.DEFERRAL_EXPIRED, why), DEFERRED_QUEUE), false);
    }

    /** The ledger could not record the allowed decision, so nothing was sent; owed work is queued to be tried again. */
    ActionResult unrecorded(ActionRequest request) {
        String why = "the ledger could not record the decision, so nothing was sent";
        Optional<Instant> again = owed(request) ? deferral.retry(request) : Optional.empty();
        return again.<ActionResult>map(
                        at -> new ActionResult.Deferred(at, ReasonCode.GUARD_UNAVAILABLE, why + "; " + OWED + at, true))
                .orElseGet(() -> new ActionResult.Denied(
                        ReasonCode.GUARD_UNAVAILABLE, ReasonCode.GUARD_UNAVAILABLE.rule(), why));
    }

    /** {@code error}, with when the owed {@code request} is tried again if it is owed and could be queued. */
    String queuedIfOwed(ActionRequest request, String error) {
        Optional<Instant> again = owed(request) ? deferral.retry(request) : Optional.empty();
        return again.map(at -> error + "; " + OWED + at).orElse(error);
    }

    /** Whether {@code request} is owed to a user (a compliance message), and so retried rather than dropped. */
    private static boolean owed(ActionRequest request) {
        return request.origin() == ActionOrigin.COMPLIANCE;
    }
}
