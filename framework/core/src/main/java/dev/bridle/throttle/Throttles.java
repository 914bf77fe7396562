package dev.bridle.throttle;

import dev.bridle.guard.Guard;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Every throttle guard, built from one {@link ThrottleSettings}, in the order they belong in the
 * guard chain (after consent, opt-out and duplicate checks):
 *
 * <ol>
 *   <li>{@link OneReplyPerInteractionGuard}: denies; nothing else matters if this one says no;</li>
 *   <li>{@link FollowChurnGuard}, {@link FollowCapGuard}, {@link AccountRateGuard},
 *       {@link TargetContactGuard}, {@link CoordinationGuard}, {@link PlatformRateGuard},
 *       {@link SpacingGuard}: defer, longest waits first, so the first deferral usually names the
 *       time the action can really go.</li>
 * </ol>
 *
 * <pre>{@code
 * Throttles throttles = Throttles.create(ThrottleSettings.defaults(), clock,
 *         new LocalBucketStore(clock), new JdbcFollowHistory(dataSource, clock),
 *         new JdbcAnsweredInteractions(dataSource));
 * GuardChain chain = new GuardChain(concat(otherGuards, throttles.guards()));
 * platformAdapter.onRateLimits(throttles.feedback());
 * }</pre>
 */
public final class Throttles {

    private final ThrottleSettings settings;
    private final PlatformRateGuard platform;
    private final List<Guard> guards;

    private Throttles(ThrottleSettings settings, Clock clock, BucketStore buckets, FollowHistory history, AnsweredInteractions answered) {
        this.settings = settings;
        this.platform = new PlatformRateGuard(clock);
        this.guards = List.of(
                new OneReplyPerInteractionGuard(answered, clock),
                new FollowChurnGuard(settings, history, clock),
                new FollowCapGuard(settings, buckets, clock),
                new AccountRateGuard(settings, buckets, clock),
                new TargetContactGuard(settings, buckets, clock),
                new CoordinationGuard(settings, buckets, clock),
                platform,
                new SpacingGuard(settings, buckets, clock));
    }

    /** The throttle guards for {@code settings}, keeping buckets in {@code buckets}. */
    public static Throttles create(ThrottleSettings settings, Clock clock, BucketStore buckets,
                                   FollowHistory history, AnsweredInteractions answered) {
        return new Throttles(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(buckets, "buckets"), Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(answered, "answered"));
    }

    /** The guards, in chain order. */
    public List<Guard> guards() {
        return guards;
    }

    /** Where the platform adapter reports rate-limit headers and 429s. */
    public RateLimitFeedback feedback() {
        return platform;
    }

    /** The settings the guards were built from (the runtime reads {@link ThrottleSettings#onThrottleFor}). */
    public ThrottleSettings settings() {
        return settings;
    }
}
