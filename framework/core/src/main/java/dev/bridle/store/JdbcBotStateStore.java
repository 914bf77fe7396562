package dev.bridle.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Bot state in the store's {@code bot_state} table.
 *
 * <p>{@link #put} is an upsert written to work alike on H2 and PostgreSQL: update; if no row was
 * there, insert; if another writer inserted the row in between (a unique violation, SQLSTATE
 * 23505 on both), update again. Each statement commits on its own, so a failed insert never
 * spoils a transaction.
 */
public final class JdbcBotStateStore implements BotStateStore {

    private static final String SELECT = "SELECT state_value FROM bot_state WHERE bot = ? AND state_key = ?";
    private static final String UPDATE =
            "UPDATE bot_state SET state_value = ?, updated_at = ? WHERE bot = ? AND state_key = ?";
    private static final String INSERT =
            "INSERT INTO bot_state (bot, state_key, state_value, updated_at) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM bot_state WHERE bot = ? AND state_key = ?";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final Clock clock;

    public JdbcBotStateStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> get(String bot, String key) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, bot);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", bot, key, e);
        }
    }

    @Override
    public void put(String bot, String key, String value) {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (Connection c = db.dataSource().getConnection()) {
            if (update(c, bot, key, value, now) == 0 && !insert(c, bot, key, value, now)) {
                update(c, bot, key, value, now);
            }
        } catch (SQLException e) {
            throw failure("write", bot, key, e);
        }
    }

    private static int update(Connection c, String bot, String key, String value, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            ps.setString(1, value);
            ps.setObject(2, now);
            ps.setString(3, bot);
            ps.setString(4, key);
            return ps.executeUpdate();
        }
    }

    /** Inserts the row; false if another writer inserted it first. */
    private static boolean insert(Connection c, String bot, String key, String value, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, bot);
            ps.setString(2, key);
            ps.setString(3, value);
            ps.setObject(4, now);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void remove(String bot, String key) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, bot);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove", bot, key, e);
        }
    }

    private StoreException failure(String what, String bot, String key, SQLException e) {
        return new StoreException("cannot " + what + " state '" + key + "' of bot '" + bot + "' in "
                + db.url() + ": " + e.getMessage(), e);
    }
}
