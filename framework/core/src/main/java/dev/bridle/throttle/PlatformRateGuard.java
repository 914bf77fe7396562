package dev.bridle.throttle;

import dev.bridle.action.ActionKind;
import dev.bridle.action.ActionRequest;
import dev.bridle.bot.Account;
import dev.bridle.guard.ReasonCode;
import dev.bridle.guard.ReservingGuard;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Obeys the platform's own rate limits (rule {@link dev.bridle.guard.Rule#PLATFORM_LIMITS}), as
 * the platform reports them through {@link RateLimitFeedback}: while a window's remaining count is
 * zero, every action of that account and kind is deferred, {@link ReasonCode#RATE_LIMITED}, until
 * the window's reset, so no request is made that the platform would refuse.
 *
 * <p>Each allowed action reserves one of the remaining requests, given back if it is not sent, so
 * concurrent actions cannot overrun the count either. When the platform reports again for the
 * same window, the lower of its count and ours stands (ours knows about requests still in flight,
 * the platform's about other apps on the same account). Until the platform has reported, or once
 * a window has reset, nothing is known and actions go.
 */
public final class PlatformRateGuard implements ReservingGuard, RateLimitFeedback {

    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, Held> held = new ConcurrentHashMap<>();

    public PlatformRateGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "throttle-platform";
    }

    @Override
    public Verdict check(ActionRequest request) {
        String key = key(request.account(), request.kind());
        Instant now = clock.instant();
        Verdict[] verdict = {Verdict.allow()};
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.reset)) {
                return null; // nothing known, or the window has reset: the next response tells
            }
            if (w.remaining <= 0) {
                verdict[0] = Verdict.defer(w.reset, ReasonCode.RATE_LIMITED, "the platform's rate limit for "
                        + request.account() + "'s " + ThrottleSettings.configName(request.kind()) + " actions is used up"
                        + (w.limit >= 0 ? " (" + w.limit + " per window)" : "") + " until " + w.reset);
                return w;
            }
            held.put(request.requestId(), new Held(k, w.reset));
            return new Window(w.limit, w.remaining - 1, w.reset);
        });
        return verdict[0];
    }

    @Override
    public void confirm(ActionRequest request, String platformId) {
        held.remove(request.requestId());
    }

    @Override
    public void release(ActionRequest request) {
        Held h = held.remove(request.requestId());
        if (h != null) {
            windows.computeIfPresent(h.key, (k, w) -> w.reset.equals(h.reset)
                    ? new Window(w.limit, w.limit >= 0 ? Math.min(w.remaining + 1, w.limit) : w.remaining + 1, w.reset)
                    : w);
        }
    }

    @Override
    public void observed(Account account, ActionKind kind, long limit, long remaining, Instant reset) {
        Objects.requireNonNull(reset, "reset");
        Window reported = new Window(limit, Math.max(remaining, 0), reset);
        windows.merge(key(account, kind), reported, (mine, theirs) -> {
            if (mine.reset.equals(theirs.reset)) {
                return new Window(theirs.limit >= 0 ? theirs.limit : mine.limit, Math.min(mine.remaining, theirs.remaining), mine.reset);
            }
            return theirs.reset.isAfter(mine.reset) ? theirs : mine; // a late answer about an older window changes nothing
        });
    }

    private static String key(Account account, ActionKind kind) {
        return ThrottleSettings.handleKey(account.handle()) + ":" + kind.name();
    }

    private record Window(long limit, long remaining, Instant reset) {
    }

    private record Held(String key, Instant reset) {
    }
}
