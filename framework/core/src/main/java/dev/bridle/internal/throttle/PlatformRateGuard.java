package dev.bridle.internal.throttle;

import dev.bridle.bot.Account;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import dev.bridle.platform.RateLimitFeedback;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obeys the platform's own rate limits (rule {@link dev.bridle.bot.Rule#PLATFORM_LIMITS}), as the platform reports them
 * through {@link RateLimitFeedback}: while a window's remaining count is zero, every action of that account and kind is
 * deferred, {@link ReasonCode#RATE_LIMITED}, until the window's reset, so no request is made that the platform would
 * refuse.
 *
 * <p>Each allowed action reserves one of the remaining requests, given back if it is not sent, so concurrent actions
 * cannot overrun the count either. When the platform reports again for the same window, the lower of its count and ours
 * stands (ours knows about requests still in flight, the platform's about other apps on the same account). Until the
 * platform has reported, or once a window has reset, nothing is known and actions go. The windows are kept in
 * {@link PlatformWindows}.
 *
 * <p><b>Several nodes.</b> With {@code throttles.buckets: database} the windows are shared in PostgreSQL
 * ({@link PostgresPlatformWindows}): once any node has heard the platform's count for a window, all nodes together
 * reserve at most that many requests in it. With memory buckets each node keeps its own view
 * ({@link LocalPlatformWindows}) and sees only its own requests, so nodes among which Quartz spreads an account's runs
 * can overrun the count, but by a bounded amount: <em>in each window, at most {@code N × T} requests go out beyond the
 * platform's remaining count</em> (each refused by the platform, 429), where {@code N} is the number of nodes and
 * {@code T} the most actions one node can have waiting on the platform at once (its scheduler threads,
 * {@code scheduler.threads}, plus the threads that hand inbound messages to bots). Why: a node learns that the count is
 * used up from the first refusal it receives (or from headers saying none remain), and from then on defers every action
 * until the reset, since for one window the lower count stands. So every request of that node that the platform refuses
 * was sent before that first refusal came back, and came back no earlier: they were all in flight together just before
 * it, and a node has at most {@code T} in flight. The same bound holds with shared windows for the start of a window,
 * before any node has heard of it.
 *
 * <p>A failure to record what the platform reported is logged, not thrown into the platform adapter: the platform's own
 * refusal stays the backstop. A failure to reserve throws, and the chain denies the action (fail closed).
 */
public final class PlatformRateGuard implements ReservingGuard, RateLimitFeedback {

    private static final Logger log = LoggerFactory.getLogger(PlatformRateGuard.class);

    private final Clock clock;
    private final PlatformWindows windows;
    private final ConcurrentMap<UUID, Held> held = new ConcurrentHashMap<>();

    /** A guard keeping the windows in this process's memory. */
    public PlatformRateGuard(Clock clock) {
        this(clock, new LocalPlatformWindows());
    }

    PlatformRateGuard(Clock clock, PlatformWindows windows) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = Objects.requireNonNull(windows, "windows");
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.PLATFORM_LIMITS);
    }

    @Override
    public String name() {
        return "throttle-platform";
    }

    @Override
    public Verdict check(ActionRequest request) {
        String key = key(request.account(), request.kind());
        PlatformWindows.Reservation r = windows.reserve(key, clock.instant());
        switch (r.outcome()) {
            case TAKEN -> held.put(request.requestId(), new Held(key, r.reset()));
            case USED_UP -> {
                return Verdict.defer(
                        r.reset(),
                        ReasonCode.RATE_LIMITED,
                        "the platform's rate limit for "
                                + request.account() + "'s " + ThrottleSettings.configName(request.kind())
                                + " actions is used up"
                                + (r.limit() >= 0 ? " (" + r.limit() + " per window)" : "") + " until " + r.reset());
            }
            case UNKNOWN -> {
                // nothing known: the next response tells
            }
        }
        return Verdict.allow();
    }

    @Override
    public void confirm(ActionRequest request, String platformId) {
        held.remove(request.requestId());
    }

    @Override
    public void release(ActionRequest request) {
        Held h = held.remove(request.requestId());
        if (h != null) {
            try {
                windows.giveBack(h.key, h.reset);
            } catch (RuntimeException e) {
                log.warn(
                        "could not give back a request of the platform's rate limit for {}; the window stays one short until it resets",
                        h.key,
                        e);
            }
        }
    }

    @Override
    public void observed(Account account, ActionKind kind, long limit, long remaining, Instant reset) {
        Objects.requireNonNull(reset, "reset");
        String key = key(account, kind);
        try {
            windows.observe(key, limit, Math.max(remaining, 0), reset);
        } catch (RuntimeException e) {
            log.warn(
                    "could not record the platform's rate limit for {} ({} of {} left until {}); the platform's "
                            + "refusals still stop requests",
                    key,
                    remaining,
                    limit,
                    reset,
                    e);
        }
    }

    private static String key(Account account, ActionKind kind) {
        return ThrottleSettings.handleKey(account.handle()) + ":" + kind.name();
    }

    private record Held(String key, Instant reset) {}
}
