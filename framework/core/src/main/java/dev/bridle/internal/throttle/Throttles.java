package dev.bridle.internal.throttle;

import dev.bridle.guard.Guard;
import dev.bridle.internal.ratelimit.PlatformLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every throttle guard, built from one {@link ThrottleSettings}, in the order they belong in the guard chain (after
 * consent, opt-out and duplicate checks):
 *
 * <ol>
 *   <li>{@link OneReplyPerInteractionGuard}: denies; nothing else matters if this one says no;
 *   <li>{@link FollowChurnGuard}, {@link FollowCapGuard}, {@link AccountRateGuard}, {@link TargetContactGuard},
 *       {@link CoordinationGuard}, {@link PlatformRateGuard}, {@link SpacingGuard}: defer, longest waits first, so the
 *       first deferral usually names the time the action can really go;
 *   <li>with in-memory buckets that must survive restarts ({@link #journaled}), {@link JournalGuard}: writes what the
 *       others took to the {@link TakeJournal}.
 * </ol>
 *
 * <pre>{@code
 * Throttles throttles = Throttles.journaled(ThrottleSettings.defaults(), clock,
 *         new LocalBucketStore(clock), new TakeJournal(dataSource, clock),
 *         new JdbcFollowHistory(dataSource, clock), new JdbcAnsweredInteractions(dataSource));
 * GuardChain chain = new GuardChain(concat(otherGuards, throttles.guards()));
 * TwitterPlatform.builder().rateLimits(throttles.feedback());   // the adapter reports there and asks it
 * }</pre>
 */
public final class Throttles {

    private static final Logger log = LoggerFactory.getLogger(Throttles.class);

    private final ThrottleSettings settings;
    private final PlatformLimits limits;
    private final List<Guard> guards;

    private Throttles(
            ThrottleSettings settings,
            Clock clock,
            BucketStore buckets,
            TakeJournal journal,
            PlatformLimits limits,
            FollowHistory history,
            AnsweredInteractions answered) {
        this.settings = settings;
        this.limits = limits;
        PendingTakes pending = journal == null ? PendingTakes.NONE : PendingTakes.forJournal();
        List<Guard> all = new ArrayList<>(List.of(
                new OneReplyPerInteractionGuard(answered, clock),
                new FollowChurnGuard(settings, history, clock),
                new FollowCapGuard(settings, buckets, pending, clock),
                new AccountRateGuard(settings, buckets, pending, clock),
                new TargetContactGuard(settings, buckets, pending, clock),
                new CoordinationGuard(settings, buckets, pending, clock),
                new PlatformRateGuard(limits),
                new SpacingGuard(settings, buckets, pending, clock)));
        if (journal != null) {
            all.add(new JournalGuard(journal, pending)); // after every guard that takes a token
        }
        this.guards = List.copyOf(all);
    }

    /**
     * The throttle guards for {@code settings}, keeping buckets in {@code buckets} and the platform's rate-limit
     * windows in memory, with nothing journaled: what a test or a bench wants; a restart forgets in-memory buckets (use
     * {@link #journaled} for a runtime).
     */
    public static Throttles create(
            ThrottleSettings settings,
            Clock clock,
            BucketStore buckets,
            FollowHistory history,
            AnsweredInteractions answered) {
        return new Throttles(
                Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(buckets, "buckets"),
                null,
                PlatformLimits.inMemory(clock),
                Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(answered, "answered"));
    }

    /**
     * Throttles whose buckets are in this process's memory ({@code buckets}, which should be new) and survive restarts
     * through {@code journal}: every bucket is restored from it now, before the guards exist, and every take of an
     * allowed action is written to it before the action can be sent. The platform's rate-limit windows are this node's
     * own (see {@link PlatformLimits} for the bound that leaves with several nodes).
     *
     * @throws IllegalStateException if the journal cannot be read (start-up must not go on with buckets that would
     *     start full)
     */
    public static Throttles journaled(
            ThrottleSettings settings,
            Clock clock,
            LocalBucketStore buckets,
            TakeJournal journal,
            FollowHistory history,
            AnsweredInteractions answered) {
        Objects.requireNonNull(clock, "clock");
        JournalReplay replay = new JournalReplay(clock.instant());
        journal.live(replay::add);
        int restored = buckets.restore(replay.restored());
        log.info("throttles: restored {} token buckets from {} journaled takes", restored, replay.rows());
        return new Throttles(
                Objects.requireNonNull(settings, "settings"),
                clock,
                buckets,
                journal,
                PlatformLimits.inMemory(clock),
                Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(answered, "answered"));
    }

    /**
     * Throttles shared by every node on one PostgreSQL store: buckets in {@code buckets} (durable themselves, so
     * nothing is journaled) and the platform's rate-limit counts in {@code limits} ({@link PlatformLimits#shared}).
     */
    public static Throttles shared(
            ThrottleSettings settings,
            Clock clock,
            PostgresBucketStore buckets,
            PlatformLimits limits,
            FollowHistory history,
            AnsweredInteractions answered) {
        return new Throttles(
                Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(buckets, "buckets"),
                null,
                Objects.requireNonNull(limits, "limits"),
                Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(answered, "answered"));
    }

    /** The guards, in chain order. */
    public List<Guard> guards() {
        return guards;
    }

    /**
     * What the platform said of its rate limits, which the platform step reads: the platform adapter reports there
     * (through its port, {@code RateLimitFeedback}) and asks it before each request.
     */
    public PlatformLimits feedback() {
        return limits;
    }

    /** The settings the guards were built from (the runtime reads {@link ThrottleSettings#onThrottleFor}). */
    public ThrottleSettings settings() {
        return settings;
    }
}
