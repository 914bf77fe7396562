package dev.bridle.internal.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads and edits the {@code QRTZ_} rows of one scheduler directly, to check what Quartz stored. */
final class QuartzTables {

    private final DataSource database;
    private final String schedulerName;

    QuartzTables(DataSource database, String schedulerName) {
        this.database = database;
        this.schedulerName = schedulerName;
    }

    String triggerState(String bot) throws SQLException {
        return one("SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_NAME = ?", bot)
                .get(0);
    }

    /** The cron expression and time zone id stored for {@code bot}. */
    List<String> cron(String bot) throws SQLException {
        return one(
                "SELECT CRON_EXPRESSION, TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_NAME = ?",
                bot);
    }

    long repeatIntervalMillis(String bot) throws SQLException {
        return Long.parseLong(
                one("SELECT REPEAT_INTERVAL FROM QRTZ_SIMPLE_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_NAME = ?", bot)
                        .get(0));
    }

    int misfireInstruction(String bot) throws SQLException {
        return Integer.parseInt(
                one("SELECT MISFIRE_INSTR FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_NAME = ?", bot)
                        .get(0));
    }

    /** How many rows {@code table} (one of the QRTZ_ tables keyed by trigger) holds for {@code bot}. */
    int rows(String table, String bot) throws SQLException {
        return Integer.parseInt(one("SELECT COUNT(*) FROM " + table + " WHERE SCHED_NAME = ? AND TRIGGER_NAME = ?", bot)
                .get(0));
    }

    /** Moves the bot's trigger back in time, as if the scheduler had been down for {@code by}. */
    void moveBack(String bot, Duration by) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = NEXT_FIRE_TIME - ?,"
                        + " START_TIME = START_TIME - ? WHERE SCHED_NAME = ? AND TRIGGER_NAME = ?")) {
            s.setLong(1, by.toMillis());
            s.setLong(2, by.toMillis());
            s.setString(3, schedulerName);
            s.setString(4, bot);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no trigger for bot " + bot);
            }
        }
    }

    private List<String> one(String sql, String bot) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schedulerName);
            s.setString(2, bot);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for bot " + bot + ": " + sql);
                }
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                return row;
            }
        }
    }
}
