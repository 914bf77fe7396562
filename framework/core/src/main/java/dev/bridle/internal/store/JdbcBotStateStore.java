package dev.bridle.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bot state in the store's {@code bot_state} table.
 *
 * <p>{@link #put} is the portable {@link Upsert}: update; if no row was there, insert; if another writer inserted the
 * row in between, update again.
 */
public final class JdbcBotStateStore implements BotStateStore {

    private static final String SELECT = "SELECT state_value FROM bot_state WHERE bot = ? AND state_key = ?";
    private static final Upsert PUT =
            Upsert.of("bot_state", List.of("bot", "state_key"), List.of("state_value", "updated_at"));
    private static final String DELETE = "DELETE FROM bot_state WHERE bot = ? AND state_key = ?";

    private final Database db;
    private final Clock clock;

    public JdbcBotStateStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> get(String bot, String key) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                    c,
                    SELECT,
                    ps -> {
                        ps.setString(1, bot);
                        ps.setString(2, key);
                    },
                    rs -> rs.getString(1));
        } catch (SQLException e) {
            throw failure("read", bot, key, e);
        }
    }

    @Override
    public void put(String bot, String key, String value) {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        try (Connection c = db.dataSource().getConnection()) {
            PUT.write(c, List.of(bot, key), List.of(value, Sql.utc(clock.instant())));
        } catch (SQLException e) {
            throw failure("write", bot, key, e);
        }
    }

    @Override
    public void remove(String bot, String key) {
        try (Connection c = db.dataSource().getConnection()) {
            Sql.update(c, DELETE, ps -> {
                ps.setString(1, bot);
                ps.setString(2, key);
            });
        } catch (SQLException e) {
            throw failure("remove", bot, key, e);
        }
    }

    private StoreException failure(String what, String bot, String key, SQLException e) {
        return new StoreException(
                "cannot " + what + " state '" + key + "' of bot '" + bot + "' in " + db.url() + ": " + e.getMessage(),
                e);
    }
}
