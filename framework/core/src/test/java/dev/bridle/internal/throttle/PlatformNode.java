package dev.bridle.internal.throttle;

import dev.bridle.bot.Account;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.ratelimit.PlatformLimits;
import java.time.Clock;
import java.time.Instant;

/**
 * One node's platform step and the state it reads, wired as the runtime wires them: the adapter reports to the state.
 */
record PlatformNode(PlatformLimits limits, PlatformRateGuard guard) {

    static PlatformNode over(PlatformLimits limits) {
        return new PlatformNode(limits, new PlatformRateGuard(limits));
    }

    static PlatformNode inMemory(Clock clock) {
        return over(PlatformLimits.inMemory(clock));
    }

    /** As the adapter reports an answer's headers. */
    void observed(Account account, ActionKind kind, long limit, long remaining, Instant reset) {
        limits.observed(account, kind, limit, remaining, reset);
    }

    /** As the adapter reports a 429. */
    void exhausted(Account account, ActionKind kind, Instant reset) {
        limits.exhausted(account, kind, reset);
    }

    Verdict check(ActionRequest request) {
        return guard.check(request);
    }

    void release(ActionRequest request) {
        guard.release(request);
    }

    void confirm(ActionRequest request, String platformId) {
        guard.confirm(request, platformId);
    }
}
