package dev.bridle.internal.throttle;

import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Token buckets shared by every node, in PostgreSQL's {@code throttle_bucket} table (migration
 * {@code V5__throttle.sql}), through Bucket4j's select-for-update proxy manager: each take is one short transaction
 * that locks the bucket's row, so takes from one bucket are serialised across nodes and exact.
 *
 * <p>Why select-for-update rather than the advisory-lock variant: buckets are named by text keys, and the advisory-lock
 * manager needs a 64-bit number per bucket, so keys would have to be hashed and two buckets could share a lock; the row
 * lock is exactly the bucket, is released at commit, cannot collide with other advisory locks in the same database
 * (Quartz, other tools), and the rows stay readable for operators. The advisory variant's advantage is small (about 6 %
 * in the one comparison we know of) next to one commit per take.
 *
 * <p>Limits that changed since a bucket was written are applied to it on its next use, window by window of the same
 * span (see {@link Buckets}): a raised limit keeps what its window has used (a limit raised from 2 to 3 with 2 used
 * leaves 1), a lowered one keeps what was left, at most its new capacity. Rows of buckets that have refilled are left
 * for {@link #purgeExpired}, which the runtime calls from time to time. PostgreSQL only: the SQL uses {@code ON
 * CONFLICT}. These buckets are durable themselves, so nothing is journaled ({@link TakeJournal}) for them.
 */
public final class PostgresBucketStore implements BucketStore {

    /** Keep a refilled bucket's row this much longer before {@link #purgeExpired} may delete it. */
    static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /** Buckets in {@code dataSource}'s {@code throttle_bucket} table, timed by {@code clock}. */
    public PostgresBucketStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, KEEP_AFTER_REFILL);
    }

    PostgresBucketStore(DataSource dataSource, Clock clock, Duration keepAfterRefill) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(new ClockTime(clock))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterRefill))
                .build();
    }

    @Override
    public Take tryTake(String key, List<Limit> limits) {
        return Buckets.takeOne(proxy(key, limits));
    }

    @Override
    public void giveBack(String key, List<Limit> limits) {
        proxy(key, limits).addTokens(1);
    }

    /**
     * Deletes up to {@code batchSize} rows of buckets that have refilled (so forgetting them changes nothing); returns
     * how many. Skips rows another transaction holds.
     */
    public int purgeExpired(int batchSize) {
        // Bucket4j stamps expires_at with the system time (not the client clock), so the purge
        // must judge it by the system time too; in production the two clocks are the same.
        return buckets.removeExpired(batchSize);
    }

    private BucketProxy proxy(String key, List<Limit> limits) {
        return buckets.builder()
                .withImplicitConfigurationReplacement(Buckets.version(limits), TokensInheritanceStrategy.ADDITIVE)
                .build(key, () -> Buckets.configuration(limits));
    }
}
