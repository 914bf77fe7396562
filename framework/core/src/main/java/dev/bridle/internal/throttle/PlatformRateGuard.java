package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import dev.bridle.internal.ratelimit.PlatformLimits;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obeys the platform's own rate limits (rule {@link dev.bridle.bot.Rule#PLATFORM_LIMITS}), as the platform reported
 * them to {@link PlatformLimits}, the one place they are kept (the adapter asks the same place before each request):
 * while a window's remaining count is zero, every action of that account and kind is deferred,
 * {@link ReasonCode#RATE_LIMITED}, until the window's reset, so no request is made that the platform would refuse.
 *
 * <p>Each allowed action reserves one of the remaining requests, given back if it is not sent, so concurrent actions
 * cannot overrun the count either. When the platform reports again for the same window, the lower of its count and ours
 * stands (ours knows about requests still in flight, the platform's about other apps on the same account). Until the
 * platform has reported, or once a window has reset, nothing is known and actions go. With {@code throttles.buckets:
 * database} the count is shared by every node; {@link PlatformLimits} states the bound with each node's own.
 *
 * <p>A failure to reserve throws, and the chain denies the action (fail closed).
 */
public final class PlatformRateGuard implements ReservingGuard {

    private static final Logger log = LoggerFactory.getLogger(PlatformRateGuard.class);

    private final PlatformLimits limits;
    private final ConcurrentMap<UUID, Instant> held = new ConcurrentHashMap<>();

    /** The step over {@code limits}. */
    public PlatformRateGuard(PlatformLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
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
        PlatformLimits.Reservation r = limits.reserve(request.account(), request.kind());
        switch (r.outcome()) {
            case TAKEN -> held.put(request.requestId(), r.reset());
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
        Instant reset = held.remove(request.requestId());
        if (reset != null) {
            try {
                limits.giveBack(request.account(), request.kind(), reset);
            } catch (RuntimeException e) {
                log.warn(
                        "could not give back a request of the platform's rate limit for {}'s {}; the window stays one"
                                + " short until it resets",
                        request.account(),
                        request.kind(),
                        e);
            }
        }
    }
}
