package dev.bridle.internal.aggregate;

import dev.bridle.bot.Aggregates;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One bot's {@link Aggregates}, in the store's {@code aggregate_series} table: a row per label combination for the
 * totals (bucket {@value #TOTAL}) and, for a distribution, a row per power-of-two bucket an observation fell in.
 * Increments are one {@code UPDATE … SET n = n + ?}, so nodes sharing a store add up without losing counts. The number
 * of label combinations per aggregate is checked before a new one is added; two nodes adding their 200th at once may
 * pass it by one each, which no per-person table survives.
 */
public final class StoredAggregates implements Aggregates {

    static final int TOTAL = Integer.MIN_VALUE;
    private static final int LOWEST_BUCKET = -10; // 2^-10, about a thousandth
    private static final int HIGHEST_BUCKET = 62;

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

    public StoredAggregates(Database db, String bot) {
        this.db = Objects.requireNonNull(db, "db");
        this.bot = Objects.requireNonNull(bot, "bot");
    }

    @Override
    public void add(String name, Map<String, String> labels, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only grows; '" + name + "' was given " + amount);
        }
        write(name, AggregateLabels.canonical(name, labels), List.of(new Step(TOTAL, amount, 0)));
    }

    @Override
    public void observe(String name, Map<String, String> labels, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "an observation is a finite number, zero or more; '" + name + "' was given " + value);
        }
        write(
                name,
                AggregateLabels.canonical(name, labels),
                List.of(new Step(TOTAL, 1, value), new Step(bucketOf(value), 1, value)));
    }

    @Override
    public long count(String name, Map<String, String> labels) {
        return read(name, AggregateLabels.canonical(name, labels)).count();
    }

    @Override
    public Distribution distribution(String name, Map<String, String> labels) {
        return read(name, AggregateLabels.canonical(name, labels));
    }

    /** The bucket an observation falls in: the smallest power of two at or above it. */
    static int bucketOf(double value) {
        int k = LOWEST_BUCKET;
        while (k < HIGHEST_BUCKET && Math.scalb(1.0, k) < value) {
            k++;
        }
        return k;
    }

    private record Step(int bucket, long n, double total) {}

    private void write(String name, String labels, List<Step> steps) {
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
                if (series >= MAX_SERIES) {
                    throw new IllegalArgumentException("aggregate '" + name + "' already has " + series
                            + " label combinations, the most one may have: labels with that many values would point at"
                            + " people, which aggregates may not");
                }
            }
            for (Step step : steps) {
                addOrInsert(c, name, labels, step);
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot add to aggregate '" + name + "' of bot '" + bot + "' in " + db.url() + ": "
                            + e.getMessage(),
                    e);
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

    private record Row(int bucket, long n, double total) {}

    private Distribution read(String name, String labels) {
        List<Row> rows;
        try (Connection c = db.dataSource().getConnection()) {
            rows = Sql.list(
                    c, READ, ps -> bind(ps, name, labels), rs -> new Row(rs.getInt(1), rs.getLong(2), rs.getDouble(3)));
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot read aggregate '" + name + "' of bot '" + bot + "' in " + db.url() + ": " + e.getMessage(),
                    e);
        }
        long count = 0;
        double sum = 0;
        long running = 0;
        Map<Double, Long> atOrBelow = new TreeMap<>();
        for (Row row : rows) { // ordered by bucket, the totals' row first
            if (row.bucket() == TOTAL) {
                count = row.n();
                sum = row.total();
            } else {
                running += row.n();
                atOrBelow.put(Math.scalb(1.0, row.bucket()), running);
            }
        }
        return new Distribution(count, sum, atOrBelow);
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
