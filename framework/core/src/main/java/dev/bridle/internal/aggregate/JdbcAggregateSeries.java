package dev.bridle.internal.aggregate;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * One bot's {@link AggregateSeries} in the store's {@code aggregate_series} table: a row per label combination for the
 * totals (bucket {@link #TOTAL}) and, for a distribution, a row per power-of-two bucket an observation fell in.
 * Increments are one {@code UPDATE … SET n = n + ?}, so nodes sharing a store add up without losing counts. The number
 * of label combinations per aggregate is checked before a new one is added; two nodes adding their 200th at once may
 * pass it by one each, which no per-person table survives.
 */
public final class JdbcAggregateSeries implements AggregateSeries {

    private static final String ADD = "UPDATE aggregate_series SET n = n + ?, total = total + ?"
            + " WHERE bot = ? AND aggregate = ? AND labels = ? AND bucket = ?";
    private static final String INSERT =
            "INSERT INTO aggregate_series (bot, aggregate, labels, bucket, n, total) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SERIES =
            "SELECT COUNT(*) FROM aggregate_series" + " WHERE bot = ? AND aggregate = ? AND bucket = " + TOTAL;
    private static final String EXISTS =
            "SELECT 1 FROM aggregate_series" + " WHERE bot = ? AND aggregate = ? AND labels = ? AND bucket = " + TOTAL;
    private static final String READ = "SELECT bucket, n, total FROM aggregate_series"
            + " WHERE bot = ? AND aggregate = ? AND labels = ? ORDER BY bucket";

    private final Database db;
    private final String bot;

    public JdbcAggregateSeries(Database db, String bot) {
        this.db = Objects.requireNonNull(db, "db");
        this.bot = Objects.requireNonNull(bot, "bot");
    }

    @Override
    public boolean add(String name, String labels, List<Step> steps, long maxCombinations) {
        try (Connection c = db.dataSource().getConnection()) {
            if (Sql.first(c, EXISTS, ps -> bind(ps, name, labels), rs -> true).isEmpty()) {
                long series = Sql.first(
                                c,
                                SERIES,
                                ps -> {
                                    ps.setString(1, bot);
                                    ps.setString(2, name);
                                },
                                rs -> rs.getLong(1))
                        .orElse(0L);
                if (series >= maxCombinations) {
                    return false;
                }
            }
            for (Step step : steps) {
                addOrInsert(c, name, labels, step);
            }
            return true;
        } catch (SQLException e) {
            throw failure("add to", name, e);
        }
    }

    @Override
    public List<Step> read(String name, String labels) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    READ,
                    ps -> bind(ps, name, labels),
                    rs -> new Step(rs.getInt(1), rs.getLong(2), rs.getDouble(3)));
        } catch (SQLException e) {
            throw failure("read", name, e);
        }
    }

    private void addOrInsert(Connection c, String name, String labels, Step step) throws SQLException {
        Sql.Binder add = ps -> {
            ps.setLong(1, step.n());
            ps.setDouble(2, step.total());
            bind(ps, 3, name, labels);
            ps.setInt(6, step.bucket());
        };
        if (Sql.update(c, ADD, add) > 0) {
            return;
        }
        boolean inserted = Sql.insertIfAbsent(c, INSERT, ps -> {
            bind(ps, name, labels);
            ps.setInt(4, step.bucket());
            ps.setLong(5, step.n());
            ps.setDouble(6, step.total());
        });
        if (!inserted) {
            Sql.update(c, ADD, add); // another writer inserted it in between
        }
    }

    private StoreException failure(String what, String name, SQLException e) {
        return new StoreException(
                "cannot " + what + " aggregate '" + name + "' of bot '" + bot + "' in " + db.url() + ": "
                        + e.getMessage(),
                e);
    }

    private void bind(PreparedStatement ps, String name, String labels) throws SQLException {
        bind(ps, 1, name, labels);
    }

    private void bind(PreparedStatement ps, int from, String name, String labels) throws SQLException {
        ps.setString(from, bot);
        ps.setString(from + 1, name);
        ps.setString(from + 2, labels);
    }
}
