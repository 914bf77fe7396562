package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ActionResult;
import dev.bridle.internal.audit.InMemoryAuditLedger;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.internal.runtime.ActionDispatcher;
import dev.bridle.internal.store.Database;
import dev.bridle.sandbox.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The PostgreSQL stores, each test on a fresh database of the test server. */
class PostgresStoresTest {

    private final Database db = TestDatabases.postgres();
    private final DataSource ds = db.dataSource();

    @AfterEach
    void close() {
        db.close();
    }

    private long rows(String table) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theWholeThrottleSetOnSharedBucketsLetsExactlyThreeRepliesReachOneUser() throws Exception {
        MutableClock clock = MutableClock.at(T0);
        ThrottleExactnessTest.CountingPlatform platform = new ThrottleExactnessTest.CountingPlatform();
        // Two "nodes": two throttle sets over the same database, each with its own chain.
        Throttles one = Throttles.create(
                ThrottleSettings.defaults(),
                clock,
                new PostgresBucketStore(ds, clock),
                new JdbcFollowHistory(ds, clock),
                new JdbcAnsweredInteractions(ds));
        Throttles two = Throttles.create(
                ThrottleSettings.defaults(),
                clock,
                new PostgresBucketStore(ds, clock),
                new JdbcFollowHistory(ds, clock),
                new JdbcAnsweredInteractions(ds));
        try (GuardChain chainOne = new GuardChain(one.guards());
                GuardChain chainTwo = new GuardChain(two.guards());
                GuardChain none = new GuardChain(List.of())) {
            InMemoryAuditLedger ledger = new InMemoryAuditLedger();
            ActionDispatcher nodeOne = new ActionDispatcher(chainOne, none, ledger, platform, clock);
            ActionDispatcher nodeTwo = new ActionDispatcher(chainTwo, none, ledger, platform, clock);

            Map<Class<?>, Integer> results = ThrottleExactnessTest.race(
                    request -> (request.account().handle().hashCode() & 1) == 0
                            ? nodeOne.dispatch(request)
                            : nodeTwo.dispatch(request),
                    8,
                    10,
                    n -> Actions.reply(Actions.account(n), "42", "m" + n));

            assertThat(platform.performed.get()).isEqualTo(3);
            assertThat(results)
                    .containsEntry(ActionResult.Sent.class, 3)
                    .containsEntry(ActionResult.Deferred.class, 77);
        }
    }

    @Nested
    class SharedPlatformWindows extends PlatformWindowsContract {
        @Override
        PlatformLimits limits() {
            return PlatformLimits.shared(clock, ds);
        }

        @Override
        boolean sharesWindows() {
            return true;
        }
    }

    @Nested
    class Answered extends AnsweredInteractionsContract {
        @Override
        AnsweredInteractions store() {
            return new JdbcAnsweredInteractions(ds);
        }
    }

    @Nested
    class History extends FollowHistoryContract {
        @Override
        FollowHistory history() {
            return new JdbcFollowHistory(ds, MutableClock.at(T0));
        }
    }

    @Nested
    class Buckets extends BucketStoreContract {
        @Override
        BucketStore store() {
            return new PostgresBucketStore(ds, clock);
        }

        @Override
        int threads() {
            return 8;
        }

        @Test
        void twoNodesShareOneBucket() {
            PostgresBucketStore one = new PostgresBucketStore(ds, clock);
            PostgresBucketStore two = new PostgresBucketStore(ds, clock);
            assertThat(one.tryTake("shared", TWO_PER_MINUTE_FIVE_PER_HOUR).taken())
                    .isTrue();
            assertThat(two.tryTake("shared", TWO_PER_MINUTE_FIVE_PER_HOUR).taken())
                    .isTrue();
            assertThat(one.tryTake("shared", TWO_PER_MINUTE_FIVE_PER_HOUR).taken())
                    .isFalse();
            two.giveBack("shared", TWO_PER_MINUTE_FIVE_PER_HOUR);
            assertThat(one.tryTake("shared", TWO_PER_MINUTE_FIVE_PER_HOUR).taken())
                    .isTrue();
        }

        @Test
        void changedLimitsApplyToAnExistingBucketKeepingWhatItHasUsed() {
            PostgresBucketStore store = new PostgresBucketStore(ds, clock);
            List<Limit> two = List.of(Limit.of(2, Duration.ofHours(1)));
            List<Limit> three = List.of(Limit.of(3, Duration.ofHours(1)));
            store.tryTake("k", two);
            store.tryTake("k", two);
            assertThat(store.tryTake("k", two).taken()).isFalse();

            assertThat(store.tryTake("k", three).taken()).isTrue();
            assertThat(store.tryTake("k", three)).isEqualTo(BucketStore.Take.refused(Duration.ofMinutes(20)));
        }

        @Test
        void rowsOfBucketsThatHaveRefilledArePurged() throws Exception {
            // Bucket4j stamps expiry with the system time, so this test waits (on a condition) for a
            // bucket refilling in a millisecond, kept for no time after.
            PostgresBucketStore store = new PostgresBucketStore(ds, java.time.Clock.systemUTC(), Duration.ZERO);
            store.tryTake("short", List.of(Limit.of(1, Duration.ofMillis(1))));
            store.tryTake("long", List.of(Limit.of(1, Duration.ofDays(1))));
            assertThat(rows("throttle_bucket")).isEqualTo(2);

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int purged = 0;
            while (purged == 0 && System.nanoTime() < deadline) {
                purged = store.purgeExpired(100);
            }

            assertThat(purged).isEqualTo(1);
            assertThat(rows("throttle_bucket")).isEqualTo(1);
        }
    }
}
