package dev.bridle.runtime;

import dev.bridle.action.ActionRequest;
import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ActionResult;
import dev.bridle.guard.Decision;
import dev.bridle.guard.GuardChain;
import dev.bridle.guard.ReasonCode;
import dev.bridle.guard.Verdict;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one action from request to result: guard chain, ledger, final checks, platform, ledger.
 *
 * <p>The ledger row for the decision is written before anything is sent (that row is the
 * reservation), and the final checks run after it, immediately before the platform call, reading
 * authoritative state. If the ledger cannot record a decision, nothing is sent: fail closed.
 * This class is the only caller of {@link Platform#perform}.
 */
public final class ActionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    /** When the platform says "rate limited" without saying until when, wait one window. */
    static final Duration DEFAULT_RETRY = Duration.ofMinutes(15);

    private final GuardChain guards;
    private final GuardChain finalChecks;
    private final AuditLedger ledger;
    private final Platform platform;
    private final Clock clock;
    private final Deferral deferral;

    /**
     * @param guards the guard chain every action passes
     * @param finalChecks re-checks run after the reservation, just before sending (opt-outs)
     * @param ledger the audit ledger
     * @param platform where allowed actions go
     * @param clock the time
     */
    public ActionDispatcher(GuardChain guards, GuardChain finalChecks, AuditLedger ledger, Platform platform, Clock clock) {
        this(guards, finalChecks, ledger, platform, clock, Deferral.NEVER);
    }

    ActionDispatcher(GuardChain guards, GuardChain finalChecks, AuditLedger ledger, Platform platform, Clock clock,
                     Deferral deferral) {
        this.deferral = Objects.requireNonNull(deferral, "deferral");
        this.guards = Objects.requireNonNull(guards, "guards");
        this.finalChecks = Objects.requireNonNull(finalChecks, "finalChecks");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decides about {@code request}, sends it if allowed, and records both. Never throws for a denial. */
    public ActionResult dispatch(ActionRequest request) {
        Decision decision = guards.evaluate(request);
        if (!decision.allows()) {
            return refuse(request, decision);
        }
        if (!record(LedgerRecords.decision(request, clock.instant(), LedgerEvent.ALLOWED, null, null, null))) {
            guards.release(request);
            return new ActionResult.Denied(ReasonCode.GUARD_UNAVAILABLE, ReasonCode.GUARD_UNAVAILABLE.rule(),
                    "the ledger could not record the decision, so nothing was sent");
        }
        Decision last = finalChecks.evaluate(request);
        if (!last.allows()) {
            guards.release(request);
            return refuse(request, last);
        }
        return send(request);
    }

    /** Records a denial decided outside the chain (an unresolvable @mention, say) and returns it. */
    public ActionResult deny(ActionRequest request, String guard, ReasonCode code, String message) {
        return refuse(request, new Decision(Verdict.deny(code, message), guard));
    }

    private ActionResult refuse(ActionRequest request, Decision decision) {
        Instant now = clock.instant();
        Verdict verdict = decision.verdict();
        if (verdict instanceof Verdict.Deny deny) {
            record(LedgerRecords.decision(request, now, LedgerEvent.DENIED, decision.guard(), deny.code(), deny.message()));
            return new ActionResult.Denied(deny.code(), deny.code().rule(), deny.message());
        }
        if (verdict instanceof Verdict.Defer defer) {
            record(LedgerRecords.decision(request, now, LedgerEvent.DEFERRED, decision.guard(), defer.code(), defer.message()));
            return new ActionResult.Deferred(defer.until(), defer.code(), defer.message(), deferral.reschedule(request, defer.until()));
        }
        throw new IllegalArgumentException("not a refusal: " + decision);
    }

    private ActionResult send(ActionRequest request) {
        PlatformReceipt receipt;
        try {
            receipt = platform.perform(request);
        } catch (PlatformException e) {
            if (e.kind() == PlatformException.Kind.IN_DOUBT) {
                guards.confirm(request, null);
            } else {
                guards.release(request);
            }
            return platformFailure(request, e);
        } catch (RuntimeException e) {
            // An adapter bug or an unclassified failure: we cannot know whether it took effect.
            guards.confirm(request, null);
            log.error("platform call for {} failed unexpectedly; marking it in doubt", request.requestId(), e);
            record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.IN_DOUBT, null, Errors.describe(e)));
            return new ActionResult.Failed("in doubt: " + Errors.describe(e));
        }
        guards.confirm(request, receipt.platformId());
        if (!record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.SENT, receipt.platformId(), null))) {
            log.error("action {} was SENT as {} but the ledger could not record the outcome", request.requestId(), receipt.platformId());
        }
        return new ActionResult.Sent(receipt.platformId());
    }

    private ActionResult platformFailure(ActionRequest request, PlatformException e) {
        Instant now = clock.instant();
        Instant retryAt = e.retryAt() != null ? e.retryAt() : now.plus(DEFAULT_RETRY);
        String error = Errors.describe(e);
        return switch (e.kind()) {
            case RATE_LIMITED -> deferred(request, retryAt, ReasonCode.RATE_LIMITED, "the platform's rate limit is used up", error);
            case DAILY_LIMIT -> deferred(request, retryAt, ReasonCode.DAILY_LIMIT, "the platform's daily limit for this account is reached", error);
            case DUPLICATE -> {
                String message = "the platform says this account already posted the same text";
                record(LedgerRecords.outcome(request, now, LedgerEvent.FAILED, ReasonCode.DUPLICATE_SAME_ACCOUNT, message, error));
                yield new ActionResult.Denied(ReasonCode.DUPLICATE_SAME_ACCOUNT, ReasonCode.DUPLICATE_SAME_ACCOUNT.rule(), message);
            }
            case IN_DOUBT -> {
                log.warn("action {} is in doubt ({}); it will be reconciled before any retry", request.requestId(), error);
                record(LedgerRecords.outcome(request, now, LedgerEvent.IN_DOUBT, null, error));
                yield new ActionResult.Failed("in doubt: " + error);
            }
            case ACCOUNT_RESTRICTED, BAD_CREDENTIALS, NOT_APPLIED, REJECTED -> {
                record(LedgerRecords.outcome(request, now, LedgerEvent.FAILED, null, error));
                yield new ActionResult.Failed(error);
            }
        };
    }

    private ActionResult deferred(ActionRequest request, Instant until, ReasonCode code, String message, String error) {
        record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.DEFERRED, code, message, error));
        return new ActionResult.Deferred(until, code, message, deferral.reschedule(request, until));
    }

    private boolean record(LedgerRecord record) {
        try {
            ledger.append(record);
            return true;
        } catch (RuntimeException e) {
            log.error("the ledger refused a {} record for request {}", record.event(), record.requestId(), e);
            return false;
        }
    }
}
