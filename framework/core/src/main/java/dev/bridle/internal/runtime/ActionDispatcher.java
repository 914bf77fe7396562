package dev.bridle.internal.runtime;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one action from request to result, in order: the plan ({@link GuardChain}), the decision recorded durably, the
 * final checks, the platform, the outcome. This class is the only caller of {@link Platform#perform}. Each step's
 * detail is a class of its own: what a refusal of the plan or the final checks becomes is {@link GuardRefusals}'; what
 * the platform's refusal becomes (a rate limit deferred, a refused account paused) is {@link PlatformFailures}';
 * whether a call that did not take effect is tried again, after what wait, {@link BackoffRetries}'; a call in doubt is
 * settled by {@link InDoubtSettling}; the ledger rows are written by {@link OutcomeRecorder}.
 *
 * <p>The ledger row for the decision is written before anything is sent (that row is the reservation), and the final
 * checks (opt-out and consent, read from the database) run after it, immediately before every platform call: the first,
 * each retry of a call that did not take effect, and the retry of a call in doubt that reconciliation found missing. So
 * an opt-out or a consent withdrawal recorded while an action waited for a backoff or for the platform to settle stops
 * it. If the ledger cannot record a decision, nothing is sent: fail closed.
 *
 * <p>The SENT or FAILED row that closes a sent action is queued for the ledger's next group commit without waiting for
 * it to reach the disk: the bot has its result one disk sync sooner. Nothing is lost by it. If the process dies before
 * that commit, the durable ALLOWED row has no outcome, and start-up reconciliation asks the platform what became of it,
 * as for any crash after a send; nothing is ever re-sent blindly. docs/platform.md has what each of the platform's
 * answers becomes.
 */
public final class ActionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    private final GuardChain guards;
    private final GuardChain finalChecks;
    private final OutcomeRecorder recorder;
    private final GuardRefusals refusals;
    private final PlatformFailures failures;
    private final BackoffRetries retries;
    private final InDoubtSettling inDoubt;
    private final Platform platform;
    private final Clock clock;

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
        Objects.requireNonNull(deferral, "deferral");
        Objects.requireNonNull(retry, "retry");
        this.guards = Objects.requireNonNull(guards, "guards");
        this.finalChecks = Objects.requireNonNull(finalChecks, "finalChecks");
        this.recorder = new OutcomeRecorder(Objects.requireNonNull(ledger, "ledger"));
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refusals = new GuardRefusals(recorder, deferral, clock);
        this.failures = new PlatformFailures(recorder, new AccountPauses(health), deferral, clock);
        this.retries = new BackoffRetries(retry);
        this.inDoubt = new InDoubtSettling(guards, recorder, failures, new Reconciler(platform), retry, clock);
    }

    /** Decides about {@code request}, sends it if allowed, and records both. Never throws for a denial. */
    public ActionResult dispatch(ActionRequest asked) {
        Decision decision = guards.evaluate(asked);
        ActionRequest request = decision.requestOr(asked); // as the plan's steps completed it (@mentions resolved)
        if (!decision.allows()) {
            return refusals.refuse(request, decision, false);
        }
        Instant allowedAt = clock.instant();
        if (!recorder.record(LedgerRecords.decision(request, allowedAt, LedgerEvent.ALLOWED, null, null, null))) {
            guards.release(request);
            return refusals.unrecorded(request);
        }
        return send(request, allowedAt);
    }

    /**
     * Drops a queued action that waited too long, without consulting the guards, and records why
     * ({@link dev.bridle.bot.ReasonCode#DEFERRAL_EXPIRED}).
     */
    ActionResult expire(ActionRequest request, String why) {
        return refusals.expire(request, why);
    }

    /**
     * Sends, retrying what certainly did not take effect and settling what may have; settles the reservations once. The
     * final checks run immediately before every call.
     */
    private ActionResult send(ActionRequest request, Instant allowedAt) {
        int notApplied = 0;
        boolean retriedAfterDoubt = false;
        while (true) {
            Decision last = finalChecks.evaluate(request);
            if (!last.allows()) {
                guards.release(request);
                return refusals.refuse(request, last, true);
            }
            PlatformReceipt receipt;
            try {
                receipt = platform.perform(request);
            } catch (PlatformException e) {
                switch (e.kind()) {
                    case NOT_APPLIED -> {
                        notApplied++;
                        if (!retriedAfterDoubt && retries.waitToRetry(request, notApplied, e)) {
                            continue;
                        }
                        guards.release(request);
                        return failures.failed(
                                request, refusals.queuedIfOwed(request, BackoffRetries.gaveUp(notApplied, e)));
                    }
                    case IN_DOUBT -> {
                        InDoubtSettling.Settled settled =
                                inDoubt.settle(request, allowedAt, Errors.describe(e), retriedAfterDoubt);
                        if (!(settled instanceof InDoubtSettling.Settled.TryAgain)) {
                            return settledOutcome(request, settled);
                        }
                        retriedAfterDoubt = true;
                    }
                    case DUPLICATE -> {
                        if (retriedAfterDoubt) {
                            return settledOutcome(request, inDoubt.duplicateOfRetry(request, allowedAt));
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

    /** A call in doubt settled: sent if it was found, else the result the settling ended with. */
    private ActionResult settledOutcome(ActionRequest request, InDoubtSettling.Settled settled) {
        if (settled instanceof InDoubtSettling.Settled.Found found) {
            return sent(request, found.platformId());
        }
        return ((InDoubtSettling.Settled.Ended) settled).result();
    }

    private ActionResult sent(ActionRequest request, String platformId) {
        guards.confirm(request, platformId);
        recorder.recordLater(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.SENT, platformId, null));
        return new ActionResult.Sent(platformId);
    }
}
