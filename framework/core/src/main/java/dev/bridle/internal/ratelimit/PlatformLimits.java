package dev.bridle.internal.ratelimit;

import dev.bridle.bot.Account;
import dev.bridle.guard.ActionKind;
import dev.bridle.platform.RateLimitFeedback;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform last said of its rate limits, the one place it is kept: per account and kind of action (the
 * {@code x-rate-limit-*} counts, a 429, a daily limit) and per read endpoint. The platform adapter writes to it only
 * through its port, {@link RateLimitFeedback}, which this class implements; two parts of Bridle read it:
 *
 * <ul>
 *   <li>the plan's step for the platform's limits ({@code throttle.PlatformRateGuard}), before an action:
 *       {@link #reserve} takes one of the remaining requests, or says none remain until when (the action is deferred);
 *   <li>the adapter, before every request it makes, the reads that pass no plan (polling, handle lookups,
 *       reconciliation) as much as the sends and their retries: {@link #refusal} says whether the platform itself has
 *       refused until some instant (a 429, headers saying none remain, a daily limit), and then no request is made.
 * </ul>
 *
 * <p>So a 429 the adapter met while polling, retrying or sending is known to the plan at once, and a refusal any
 * platform reports through the port (one given to {@code Bridle.Builder#platform}, say) stops the adapter's next
 * request: there is no second copy to fall out of step.
 *
 * <p>The counts the plan reserves from are kept in {@link PlatformWindows}: this node's memory ({@link #inMemory}), or
 * PostgreSQL shared by every node ({@link #shared}, {@code throttles.buckets: database}), so that nodes among which
 * Quartz spreads an account's runs spend one count. The platform's refusals, which the adapter asks about before each
 * request, are in this node's memory in both cases: the check costs no database round trip, and a refusal another node
 * met still reaches this one's plan through the shared count (its window was reported used up).
 *
 * <p><b>Several nodes with memory windows.</b> Each node then sees only its own requests, so nodes can overrun the
 * count, but by a bounded amount: <em>in each window, at most {@code N × T} requests go out beyond the platform's
 * remaining count</em> (each refused by the platform, 429), where {@code N} is the number of nodes and {@code T} the
 * most actions one node can have waiting on the platform at once (its scheduler threads, {@code scheduler.threads},
 * plus the threads that hand inbound messages to bots). Why: a node learns that the count is used up from the first
 * refusal it receives (or from headers saying none remain), and from then on defers every action until the reset, since
 * for one window the lower count stands. So every request of that node that the platform refuses was sent before that
 * first refusal came back, and came back no earlier: they were all in flight together just before it, and a node has at
 * most {@code T} in flight. The same bound holds with shared windows for the start of a window, before any node has
 * heard of it.
 *
 * <p>A failure to record a shared count is logged, not thrown into the adapter: the refusal is still kept here, and the
 * platform's own refusal stays the backstop. A failure to reserve throws, and the plan denies the action (fail closed).
 */
public final class PlatformLimits implements RateLimitFeedback {

    private static final Logger log = LoggerFactory.getLogger(PlatformLimits.class);

    /** The code of the platform's rate-limit refusal (a 429, or headers saying none remain). */
    static final int RATE_LIMIT_CODE = 88;

    /**
     * The platform's answer about an account's limit, as {@link #reserve} found it.
     *
     * @param outcome what was found
     * @param limit the window's limit, -1 when the platform did not say (or nothing is known)
     * @param reset the window's reset; {@code null} when nothing is known
     */
    public record Reservation(Outcome outcome, long limit, Instant reset) {

        static final Reservation UNKNOWN = new Reservation(Outcome.UNKNOWN, -1, null);

        /** What {@link #reserve} found. */
        public enum Outcome {
            /** Nothing is known (never reported, or the window has reset): the action may go, and nothing was taken. */
            UNKNOWN,
            /** One of the remaining requests was taken for the action. */
            TAKEN,
            /** None remain until {@code reset}. */
            USED_UP
        }
    }

    /**
     * What the platform said of a window: {@code remaining} of {@code limit} (-1 if it did not say) until
     * {@code reset}.
     */
    public record Window(long limit, long remaining, Instant reset) {}

    /**
     * The platform has refused, and will until {@code until}: the rate limit (code 88) or a daily limit ({@code daily},
     * with the platform's code: 185 posts, 161 follows, 349 direct messages).
     */
    public record Refusal(boolean daily, Instant until, int errorCode) {}

    /** An account's limit: a kind of action's name ({@code POST}), or a read endpoint's ({@code GET /2/...}). */
    private record Key(String handle, String limit) {}

    private final Clock clock;
    private final PlatformWindows windows;
    private final ConcurrentMap<Key, Refusal> refusals = new ConcurrentHashMap<>();

    private PlatformLimits(Clock clock, PlatformWindows windows) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = Objects.requireNonNull(windows, "windows");
    }

    /** The platform's limits as this node hears them, in its memory. */
    public static PlatformLimits inMemory(Clock clock) {
        return new PlatformLimits(clock, new LocalPlatformWindows());
    }

    /**
     * The counts shared by every node in {@code dataSource}'s {@code platform_rate_window} table (PostgreSQL only), the
     * refusals in this node's memory.
     */
    public static PlatformLimits shared(Clock clock, DataSource dataSource) {
        return new PlatformLimits(clock, new PostgresPlatformWindows(dataSource));
    }

    // --- the port: what the adapter reports ---

    @Override
    public void observed(Account account, ActionKind kind, long limit, long remaining, Instant reset) {
        Objects.requireNonNull(reset, "reset");
        if (remaining <= 0) {
            refuse(key(account, kind), new Refusal(false, reset, RATE_LIMIT_CODE));
        }
        count(account, kind, limit, remaining, reset);
    }

    @Override
    public void exhausted(Account account, ActionKind kind, Instant reset) {
        observed(account, kind, -1, 0, reset);
    }

    @Override
    public void dailyLimitReached(Account account, ActionKind kind, Instant until, int errorCode) {
        Objects.requireNonNull(until, "until");
        refuse(key(account, kind), new Refusal(true, until, errorCode));
        count(account, kind, -1, 0, until);
    }

    @Override
    public void observedRead(Account account, String endpoint, long limit, long remaining, Instant reset) {
        Objects.requireNonNull(reset, "reset");
        if (remaining <= 0) {
            refuse(new Key(handle(account), endpoint), new Refusal(false, reset, RATE_LIMIT_CODE));
        }
    }

    // --- the plan's step ---

    /**
     * Takes one of the requests the platform said remain for {@code account}'s {@code kind} actions, now.
     *
     * @throws IllegalStateException if the shared count cannot be read (the plan denies: fail closed)
     */
    public Reservation reserve(Account account, ActionKind kind) {
        return windows.reserve(windowKey(account, kind), clock.instant());
    }

    /** Gives back a request {@link #reserve} took from the window that resets at {@code reset}: it was not sent. */
    public void giveBack(Account account, ActionKind kind, Instant reset) {
        windows.giveBack(windowKey(account, kind), reset);
    }

    /** What the platform last said of {@code account}'s {@code kind} window, less what was reserved since. */
    public Optional<Window> lastSaid(Account account, ActionKind kind) {
        return windows.peek(windowKey(account, kind), clock.instant());
    }

    // --- the adapter, before a request ---

    /** The platform's refusal of {@code account}'s {@code kind} actions, if it still holds now. */
    public Optional<Refusal> refusal(Account account, ActionKind kind) {
        return current(key(account, kind));
    }

    /** The platform's refusal of {@code account}'s reads at {@code endpoint}, if it still holds now. */
    public Optional<Refusal> refusalOfRead(Account account, String endpoint) {
        return current(new Key(handle(account), endpoint));
    }

    private Optional<Refusal> current(Key key) {
        Refusal refusal = refusals.get(key);
        if (refusal == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(refusal.until())) {
            refusals.remove(key, refusal);
            return Optional.empty();
        }
        return Optional.of(refusal);
    }

    /** A later refusal wins; one already over says nothing. */
    private void refuse(Key key, Refusal refusal) {
        if (!refusal.until().isAfter(clock.instant())) {
            return;
        }
        refusals.merge(key, refusal, (old, now) -> old.until().isAfter(now.until()) ? old : now);
    }

    private void count(Account account, ActionKind kind, long limit, long remaining, Instant reset) {
        String key = windowKey(account, kind);
        try {
            windows.observe(key, limit, Math.max(remaining, 0), reset);
        } catch (RuntimeException e) {
            log.warn(
                    "could not record the platform's rate limit for {} ({} of {} left until {}); its refusals still"
                            + " stop requests",
                    key,
                    remaining,
                    limit,
                    reset,
                    e);
        }
    }

    private static Key key(Account account, ActionKind kind) {
        return new Key(handle(account), kind.name());
    }

    private static String windowKey(Account account, ActionKind kind) {
        return handle(account) + ":" + kind.name();
    }

    private static String handle(Account account) {
        String h = Objects.requireNonNull(account, "account").handle();
        return (h.startsWith("@") ? h.substring(1) : h).toLowerCase(Locale.ROOT);
    }
}
