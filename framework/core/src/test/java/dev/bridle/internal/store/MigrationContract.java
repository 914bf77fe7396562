package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The migrations give the same schema on every database; one subclass per database. */
abstract class MigrationContract extends StoreTestBase {

    @Test
    void theLedgerTableHasEveryColumnOfALedgerEntry() {
        assertThat(columns("audit_ledger"))
                .containsExactly(
                        "seq",
                        "recorded_at",
                        "request_id",
                        "bot",
                        "account",
                        "action_kind",
                        "targets",
                        "content_hash",
                        "event",
                        "guard",
                        "reason",
                        "rule",
                        "message",
                        "platform_id",
                        "error",
                        "prev_hash",
                        "hash");
    }

    @Test
    void theBotStateTableIsKeyedByBotAndKey() {
        assertThat(columns("bot_state")).containsExactly("bot", "state_key", "state_value", "updated_at");
    }

    @Test
    void theLedgerHeadStartsAtTheGenesis() {
        assertThat(queryString("SELECT last_seq || ':' || last_hash FROM ledger_head WHERE id = 1"))
                .isEqualTo("0:" + "0".repeat(64));
    }

    @Test
    void migratingAgainChangesNothing() {
        db.migrate();

        assertThat(queryString("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success"))
                .isEqualTo("1");
    }

    @Test
    void unquotedUpperCaseNamesFoldToLowerCaseAlike() {
        // Quartz's scripts and SQL name tables QRTZ_... without quotes; both databases must agree.
        sql(
                "CREATE TABLE QRTZ_PROBE (SCHED_NAME VARCHAR(120) NOT NULL)",
                "INSERT INTO qrtz_probe (sched_name) VALUES ('bridle')");
        try {
            assertThat(queryString("SELECT SCHED_NAME FROM QRTZ_PROBE")).isEqualTo("bridle");
            assertThat(columns("qrtz_probe")).containsExactly("sched_name");
        } finally {
            sql("DROP TABLE qrtz_probe");
        }
    }

    private List<String> columns(String table) {
        String query = "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY ordinal_position";
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
