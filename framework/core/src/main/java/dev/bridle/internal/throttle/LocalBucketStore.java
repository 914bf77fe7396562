package dev.bridle.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in memory, for one node: Bucket4j bucket states ({@link TokenBucket}) held in a Caffeine cache.
 *
 * <p>Each bucket synchronises on itself rather than working lock-free as Bucket4j's default bucket does, which
 * allocates a new state object per take: in one A/B run of the throttle bench (10,000 accounts, 100,000 users, 2
 * threads) synchronising went from 68,000 to 105,000 decisions per second and halved the GC pause time. Contention on
 * one bucket is rare, since keys are per account or user. A take that succeeds copies the state once, for the journal.
 *
 * <p>A bucket left unused for its longest window is full again, so the cache forgets it then at no cost. The cache is
 * bounded ({@link #DEFAULT_MAX_BUCKETS}); were it ever full, the least recently used buckets would be forgotten early,
 * which could let a few actions through early, so that is logged as an error and the bound is set far above any real
 * operator's needs.
 *
 * <p>Time comes from the injected {@link Clock}, for Bucket4j and Caffeine alike.
 *
 * <p>Memory does not survive a restart, so each take says what its bucket holds right after it
 * ({@link BucketStore.Take#left}); the throttles journal that ({@link TakeJournal}) and, at start-up, {@link #restore}
 * puts the buckets back exactly as they were. A key used with other limits than its bucket has (the configuration
 * changed, or a restored bucket) takes the new limits on the spot, as {@link PostgresBucketStore} does: Bucket4j's
 * {@link io.github.bucket4j.TokensInheritanceStrategy#ADDITIVE}, window by window of the same span (see
 * {@link Buckets}).
 */
public final class LocalBucketStore implements BucketStore {

    private static final Logger log = LoggerFactory.getLogger(LocalBucketStore.class);

    /**
     * Two million buckets (a few hundred MB at most): 10,000 accounts use 80,000 (seven kinds plus spacing), and each
     * user contacted or followed, and each post liked, adds one or two.
     */
    public static final long DEFAULT_MAX_BUCKETS = 2_000_000;

    private final Cache<String, TokenBucket> buckets;
    private final ClockTime time;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** A store with {@link #DEFAULT_MAX_BUCKETS}. */
    public LocalBucketStore(Clock clock) {
        this(clock, DEFAULT_MAX_BUCKETS);
    }

    /** A store holding at most {@code maxBuckets} buckets. */
    public LocalBucketStore(Clock clock, long maxBuckets) {
        this.time = new ClockTime(clock);
        this.buckets = Caffeine.newBuilder()
                .ticker(time)
                .maximumSize(maxBuckets)
                .expireAfter(new IdleExpiry())
                .removalListener((String key, TokenBucket entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE && warned.compareAndSet(false, true)) {
                        log.error(
                                "the throttle bucket cache is full ({} buckets); buckets are being forgotten before they refill,"
                                        + " so limits may let actions through early: raise its size or use the PostgreSQL store",
                                maxBuckets);
                    }
                })
                .build();
    }

    @Override
    public Take tryTake(String key, List<Limit> limits) {
        long now = time.currentTimeNanos();
        return buckets.get(key, k -> new TokenBucket(limits, now)).take(limits, now);
    }

    @Override
    public void giveBack(String key, List<Limit> limits) {
        TokenBucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.giveBack(time.currentTimeNanos());
        }
        // A forgotten bucket was full; there is nothing to give back to.
    }

    /**
     * Puts back buckets as a journal says they are now (see {@link JournalReplay}), replacing any held under the same
     * keys. Call it at start-up, before any action is checked.
     *
     * @return how many buckets were put back
     */
    int restore(Map<String, TokenBucket> restored) {
        buckets.putAll(restored);
        return restored.size();
    }

    /** How many buckets are held now (approximately); for metrics and tests. */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** Forget a bucket once it has been idle long enough to be full again. */
    private static final class IdleExpiry implements Expiry<String, TokenBucket> {
        @Override
        public long expireAfterCreate(String key, TokenBucket entry, long now) {
            return entry.idleNanos();
        }

        @Override
        public long expireAfterUpdate(String key, TokenBucket entry, long now, long current) {
            return entry.idleNanos();
        }

        @Override
        public long expireAfterRead(String key, TokenBucket entry, long now, long current) {
            return entry.idleNanos();
        }
    }
}
