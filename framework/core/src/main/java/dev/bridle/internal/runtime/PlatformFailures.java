package dev.bridle.internal.runtime;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.platform.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the platform's refusal of an allowed action becomes, recorded and returned (docs/platform.md has the table): a
 * rate limit is DEFERRED until the reset; a daily limit is DEFERRED and pauses that kind of action for the account
 * until the window ends; a duplicate of the account's own post is a denial; a refused account or bad credentials
 * FAILED, the account paused until an operator resumes it; anything else FAILED. Before it, a call that did not take
 * effect is retried ({@link BackoffRetries}) and a call in doubt settled ({@link InDoubtSettling}).
 */
final class PlatformFailures {

    /** When the platform says "rate limited" without saying until when, wait one window. */
    static final Duration DEFAULT_RETRY = Duration.ofMinutes(15);
    /** When the platform says "daily limit" without saying until when: its windows are at most a day. */
    static final Duration DEFAULT_DAILY_WINDOW = Duration.ofHours(24);

    private final OutcomeRecorder recorder;
    private final AccountPauses pauses;
    private final Deferral deferral;
    private final Clock clock;

    PlatformFailures(OutcomeRecorder recorder, AccountPauses pauses, Deferral deferral, Clock clock) {
        this.recorder = recorder;
        this.pauses = pauses;
        this.deferral = deferral;
        this.clock = clock;
    }

    /** {@code e}, the platform's answer to {@code request}, recorded as its outcome. */
    ActionResult map(ActionRequest request, PlatformException e) {
        Instant now = clock.instant();
        String error = Errors.describe(e);
        return switch (e.kind()) {
            case RATE_LIMITED ->
                deferred(
                        request,
                        e.retryAt() != null ? e.retryAt() : now.plus(DEFAULT_RETRY),
                        ReasonCode.RATE_LIMITED,
                        "the platform's rate limit is used up",
                        error);
            case DAILY_LIMIT -> {
                Instant until = e.retryAt() != null ? e.retryAt() : now.plus(DEFAULT_DAILY_WINDOW);
                pauses.pauseKinds(request, until, e.errorCode());
                yield deferred(
                        request,
                        until,
                        ReasonCode.DAILY_LIMIT,
                        "the platform's daily limit for this account is reached",
                        error);
            }
            case DUPLICATE -> {
                String message = "the platform says this account already posted the same text";
                recorder.record(LedgerRecords.outcome(
                        request, now, LedgerEvent.FAILED, ReasonCode.DUPLICATE_SAME_ACCOUNT, message, error));
                yield new ActionResult.Denied(
                        ReasonCode.DUPLICATE_SAME_ACCOUNT, ReasonCode.DUPLICATE_SAME_ACCOUNT.rule(), message);
            }
            case ACCOUNT_RESTRICTED, BAD_CREDENTIALS -> {
                pauses.pauseAccount(request, e);
                recorder.record(LedgerRecords.outcome(
                        request,
                        now,
                        LedgerEvent.FAILED,
                        ReasonCode.ACCOUNT_PAUSED,
                        "the platform refused the account; it is paused until an operator resumes it",
                        error));
                yield new ActionResult.Failed(error);
            }
            case NOT_APPLIED, IN_DOUBT, REJECTED -> failed(request, error);
        };
    }

    /** The action failed with {@code error}: recorded with the next group commit. */
    ActionResult failed(ActionRequest request, String error) {
        recorder.recordLater(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.FAILED, null, error));
        return new ActionResult.Failed(error);
    }

    /** The platform put an allowed action off: its outcome is recorded whether or not it is queued. */
    private ActionResult deferred(ActionRequest request, Instant until, ReasonCode code, String message, String error) {
        Deferral.Queueing queueing = deferral.defer(request, until);
        if (queueing.outcome() == Deferral.Queueing.Outcome.EXPIRED) {
            String why = message + "; " + queueing.note();
            recorder.record(LedgerRecords.outcome(
                    request, clock.instant(), LedgerEvent.DENIED, ReasonCode.DEFERRAL_EXPIRED, why, error));
            return new ActionResult.Denied(ReasonCode.DEFERRAL_EXPIRED, ReasonCode.DEFERRAL_EXPIRED.rule(), why);
        }
        String noted = message + "; " + queueing.note();
        recorder.record(LedgerRecords.outcome(request, clock.instant(), LedgerEvent.DEFERRED, code, noted, error));
        return new ActionResult.Deferred(until, code, noted, queueing.queued());
    }
}
