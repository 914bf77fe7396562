package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.sandbox.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JDBC stores on H2, migrated by {@code V5__throttle.sql} and {@code V11}. */
class H2StoresTest {

    @Test
    void theMigrationCreatesTheThrottleTablesOnH2() throws Exception {
        DataSource ds = TestDatabases.h2();
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "THROTTLE_%", new String[] {"TABLE"})) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables)
                    .containsExactlyInAnyOrder(
                            "THROTTLE_BUCKET",
                            "THROTTLE_FOLLOW_EVENT",
                            "THROTTLE_ANSWERED_INTERACTION",
                            "THROTTLE_TAKE");
        }
    }

    @Nested
    class Answered extends AnsweredInteractionsContract {
        @Override
        AnsweredInteractions store() {
            return new JdbcAnsweredInteractions(TestDatabases.h2());
        }
    }

    @Nested
    class History extends FollowHistoryContract {
        @Override
        FollowHistory history() {
            return new JdbcFollowHistory(TestDatabases.h2(), MutableClock.at(T0));
        }

        @Test
        void aSecondNodeOnTheSameDatabaseSeesTheHistoryOnceItsCacheExpires() {
            DataSource ds = TestDatabases.h2();
            MutableClock clock = MutableClock.at(T0);
            JdbcFollowHistory one = new JdbcFollowHistory(ds, clock);
            JdbcFollowHistory two = new JdbcFollowHistory(ds, clock);
            assertThat(two.latest("acme_news", "42")).isEqualTo(FollowHistory.Latest.NONE);

            one.recordFollow("acme_news", "42", T0);

            assertThat(one.latest("acme_news", "42").followed())
                    .as("the writer never reads stale")
                    .isEqualTo(T0);
            clock.advance(JdbcFollowHistory.DEFAULT_CACHE_TTL.plus(Duration.ofMillis(1)));
            assertThat(two.latest("acme_news", "42").followed()).isEqualTo(T0);
        }
    }
}
