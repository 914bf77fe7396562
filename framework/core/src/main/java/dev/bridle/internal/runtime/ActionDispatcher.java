package dev.bridle.internal.runtime;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one action from request to result: guard chain, ledger, final checks, platform, ledger. What the platform's
 * refusals become is {@link PlatformFailures}'; the ledger rows are written by {@link OutcomeRecorder}.
 *
 * <p>The ledger row for the decision is written before anything is sent (that row is the reservation), and the final
 * checks (opt-out and consent, read from the database) run after it, immediately before every platform call: the first,
 * each retry of a call that did not take effect, and the retry of a call in doubt that reconciliation found missing. So
 * an opt-out or a consent withdrawal recorded while an action waited for a backoff or for the platform to settle stops
 * it. If the ledger cannot record a decision, nothing is sent: fail closed. This class is the only caller of
 * {@link Platform#perform}.
 *
 * <p>Deferrals go to the {@link Deferral}, which says whether the action was queued before the ledger records it; a
 * queued action re-checked and put off again is not recorded a second time. Bridle's own compliance messages are owed
 * to the user: when a guard cannot decide, the ledger cannot record, or the platform cannot be reached, they are queued
 * to be tried again ({@link Deferral#retry}) instead of being dropped.
 *
 * <p>The SENT or FAILED row that closes a sent action is queued for the ledger's next group commit without waiting for
 * it to reach the disk: the bot has its result one disk sync sooner. Nothing is lost by it. If the process dies before
 * that commit, the durable ALLOWED row has no outcome, and start-up reconciliation asks the platform what became of it,
 * as for any crash after a send; nothing is ever re-sent blindly.
 *
 * <p>What the platform's answer becomes (docs/platform.md has the full table):
 *
 * <ul>
 *   <li>rate limit: DEFERRED until the reset; a daily limit: DEFERRED, and that kind of action is paused for the
 *       account ({@link AccountHealth}) until the window ends;
 *   <li>the account locked, flagged or refused, or its credentials bad: FAILED, and the account is paused until an
 *       operator resumes it;
 *   <li>certainly not applied (connection refused): retried with exponential backoff;
 *   <li>in doubt (timeout, reset, 5xx after the write): IN_DOUBT in the ledger first, then reconciled against the
 *       platform: found, it is SENT with the id found; not found, it is retried once; if the platform cannot tell, it
 *       stays IN_DOUBT and is never re-sent blindly. A duplicate refusal of that retry proves the first call went out.
 * </ul>
 */
public final class ActionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    private final GuardChain guards;
    private final GuardChain finalChecks;
    private final OutcomeRecorder recorder;
    private final PlatformFailures failures;
    private final Platform platform;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Reconciler reconciler;
    private final Deferral deferral;

    /** The guard name the ledger gives the queue of deferred actions, when it drops one. */
    static final String DEFERRED_QUEUE = "deferred-queue";
    /** Why an owed message is queued again, followed by when. */
    private static final String OWED = "a compliance message is owed to the user, so it is tried again at ";

    /**
     * A dispatcher without account health (a refused account is not paused) and with the default retry policy.
     *
     * @param guards the guard chain every action passes
     * @param finalChecks re-checks run after the reservation, just before sending (opt-outs)
     * @param ledger the audit ledger
     * @param platform where allowed actions go
     * @param clock the time
     */
    public ActionDispatcher(
            GuardChain guards, GuardChain finalChecks, AuditLedger ledger, Platform platform, Clock clock) {
        this(guards, finalChecks, ledger, platform, clock, null, RetryPolicy.DEFAULT);
    }

    /**
     * @param health where refused accounts and daily limits are recorded, or {@code null} for none
     * @param retry how calls that did not take effect are retried and in-doubt calls reconciled
     */
    public ActionDispatcher(
            GuardChain guards,
            GuardChain finalChecks,
            AuditLedger ledger,
            Platform platform,
            Clock clock,
            AccountHealth health,
            RetryPolicy retry) {
        this(guards, finalChecks, ledger, platform, clock, health, retry, Deferral.NEVER);
    }

    /** As above, with what happens to deferred actions (the bots' {@code onThrottle}). */
    ActionDispatcher(
            GuardChain guards,
            GuardChain finalChecks,
            AuditLedger ledger,
            Platform platform,
            Clock clock,
            AccountHealth health,
            RetryPolicy retry,
            Deferral deferral) {
        this.deferral = Objects.requireNonNull(deferral, "deferral");
        this.guards = Objects.requireNonNull(guards, "guards");
        this.finalChecks = Objects.requireNonNull(finalChecks, "finalChecks");
        this.recorder = new OutcomeRecorder(Objects.requireNonNull(ledger, "ledger"));
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failures = new PlatformFailures(recorder, new AccountPauses(health), deferral, clock);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.reconciler = new Reconciler(platform);
    }

    /** Decides about {@code request}, sends it if allowed, and records both. Never throws for a denial. */
    public ActionResult dispatch(ActionRequest asked) {
        Decision decision = guards.evaluate(asked);
        ActionRequest request = decision.requestOr(asked); // as the plan's steps completed it (@mentions resolved)
        if (!decision.allows()) {
            return refuse(request, decision);
        }
        Instant allowedAt = clock.instant();
        if (!recorder.record(LedgerRecords.decision(request, allowedAt, LedgerEvent.ALLOWED, null, null, null))) {
            guards.release(request);
            String why = "the ledger could not record the decision, so nothing was sent";
            Optional<Instant> again = owed(request) ? deferral.retry(request) : Optional.empty();
            return again.<ActionResult>map(at ->
                            new ActionResult.Deferred(at, ReasonCode.GUARD_UNAVAILABLE, why + "; " + OWED + at, true))
                    .orElseGet(() -> new ActionResult.Denied(
                            ReasonCode.GUARD_UNAVAILABLE, ReasonCode.GUARD_UNAVAILABLE.rule(), why));
        }
        return send(request, allowedAt);
    }

    /**
     * Drops a queued action that waited too long, without consulting the guards, and records why
     * ({@link ReasonCode#DEFERRAL_EXPIRED}).
     */
    ActionResult expire(ActionRequest request, String why) {
        return refuse(request, new Decision(Verdict.deny(ReasonCode.DEFERRAL_EXPIRED, why), DEFERRED_QUEUE), false);
    }

    private ActionResult refuse(ActionRequest request, Decision decision) {
        return refuse(request, decision, false);
    }

    /**
     * Records and returns a denial or deferral.
     *
     * @param afterAllowed whether an ALLOWED row of this run precedes it: then a row is always written, since that
     *     decision needs its outcome
     */
    private ActionResult refuse(ActionRequest request, Decision decision, boolean afterAllowed) {
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

    /** Whether {@code request} is owed to a user (a compliance message), and so retried rather than dropped. */
    private static boolean owed(ActionRequest request) {
        return request.origin() == ActionOrigin.COMPLIANCE;
    }

    /**
     * Sends, retrying what certainly did not take effect and reconciling what may have; settles the reservations once.
     * The final checks run immediately before every call.
     */
    private ActionResult send(ActionRequest request, Instant allowedAt) {
        int notApplied = 0;
        boolean retriedAfterDoubt = false;
        while (true) {
            Decision last = finalChecks.evaluate(request);
            if (!last.allows()) {
                guards.release(request);
                return refuse(request, last, true);
            }
            PlatformReceipt receipt;
            try {
                receipt = platform.perform(request);
            } catch (PlatformException e) {
                switch (e.kind()) {
                    case NOT_APPLIED -> {
                        notApplied++;
                        if (notApplied < retry.attempts() && !retriedAfterDoubt) {
                            Duration wait = retry.backoff(notApplied);
                            log.warn(
                                    "action {} did not reach the platform ({}); trying again in {} ms",
                                    request.requestId(),
                                    Errors.describe(e),
                                    wait.toMillis());
                            if (pause(wait)) {
                                continue;
                            }
                        }
                        guards.release(request);
                        return notApplied(
                                request,
                                "not applied (" + notApplied + (notApplied == 1 ? " attempt" : " attempts") + "): "
                                        + Errors.describe(e));
                    }
                    case IN_DOUBT -> {
                        ActionResult settled = settleInDoubt(request, allowedAt, Errors.describe(e), retriedAfterDoubt);
                        if (settled != null) {
                            return settled;
                        }
                        retriedAfterDoubt = true;
                    }
                    case DUPLICATE -> {
                        if (retriedAfterDoubt) {
                            return duplicateOfInDoubt(request, allowedAt);
                        }
                        guards.release(request);
                        return failures.map(request, e);
                    }
                    default -> {
                        guards.release(request);
                        return failures.map(request, e);
                    }
                }
                continue;
            } catch (RuntimeException e) {
                // An adapter bug or an unclassified failure: we cannot know whether it took effect.
                guards.confirm(request, null);
                log.error("platform call for {} failed unexpectedly; marking it in doubt", request.requestId(), e);
                recorder.record(LedgerRecords.outcome(
                        request, clock.instant(), LedgerEvent.IN_DOUBT, null, Errors.describe(e)));
                return new ActionResult.Failed("in doubt: " + Errors.describe(e));
            }
            return sent(request, receipt.platformId());
        }
    }

    /**
     * Records the doubt, then asks the platform. Returns the result, or {@code null} when the platform shows the call
     * did not take effect and it may be tried once more.
     */
    private ActionResult settleInDoubt(ActionRequest request, Instant allowedAt, String error, boolean afterRetry) {
        recorder.record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.IN_DOUBT, null, error));
        log.warn(
                "action {} is in doubt ({}); reconciling it with the platform before any retry",
                request.requestId(),
                error);
        Reconciler.Finding finding = pause(retry.settle())
                ? reconciler.check(ActionTrace.of(request, allowedAt.minus(Reconciler.CLOCK_SKEW)))
                : new Reconciler.Finding.Unknown("interrupted before reconciling");
        if (finding instanceof Reconciler.Finding.Applied applied) {
            return reconciledSent(request, applied.platformId());
        }
        if (finding instanceof Reconciler.Finding.NotApplied) {
            if (!afterRetry) {
                recorder.record(LedgerRecords.reconciled(
                        request,
                        clock.instant(),
                        null,
                        "not on the platform: it did not take effect; trying once more"));
                return null;
            }
            recorder.record(LedgerRecords.reconciled(
                    request, clock.instant(), null, "not on the platform after the retry either"));
            guards.release(request);
            return failed(request, "did not take effect: " + error);
        }
        String why = ((Reconciler.Finding.Unknown) finding).why();
        log.warn(
                "action {} stays in doubt: the platform could not tell whether it took effect ({}); it will not be re-sent",
                request.requestId(),
                why);
        guards.confirm(request, null);
        return new ActionResult.Failed("in doubt: " + error + "; could not reconcile: " + why);
    }

    /** The retry of an in-doubt post was refused as a duplicate: proof the first call went out. Find its id. */
    private ActionResult duplicateOfInDoubt(ActionRequest request, Instant allowedAt) {
        Reconciler.Finding finding = pause(retry.settle())
                ? reconciler.check(ActionTrace.of(request, allowedAt.minus(Reconciler.CLOCK_SKEW)))
                : new Reconciler.Finding.Unknown("interrupted before reconciling");
        if (finding instanceof Reconciler.Finding.Applied applied) {
            return reconciledSent(request, applied.platformId());
        }
        String error =
                "the platform refused the retry as a duplicate, so the first call went out, but its id was not found";
        recorder.record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.IN_DOUBT, null, error));
        guards.confirm(request, null);
        return new ActionResult.Failed("in doubt: " + error);
    }

    private ActionResult reconciledSent(ActionRequest request, String platformId) {
        recorder.record(LedgerRecords.reconciled(
                request, clock.instant(), platformId, "found on the platform: it took effect"));
        log.info("action {} was in doubt and is found on the platform as {}", request.requestId(), platformId);
        return sent(request, platformId);
    }

    private ActionResult sent(ActionRequest request, String platformId) {
        guards.confirm(request, platformId);
        recorder.recordLater(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.SENT, platformId, null));
        return new ActionResult.Sent(platformId);
    }

    private ActionResult failed(ActionRequest request, String error) {
        return failures.failed(request, error);
    }

    /** The platform could not be reached: failed, and owed work is queued to be tried again. */
    private ActionResult notApplied(ActionRequest request, String error) {
        Optional<Instant> again = owed(request) ? deferral.retry(request) : Optional.empty();
        return failed(request, again.map(at -> error + "; " + OWED + at).orElse(error));
    }

    /** Waits; false if interrupted (the interrupt is kept). */
    private boolean pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return true;
        }
        try {
            retry.sleeper().sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
