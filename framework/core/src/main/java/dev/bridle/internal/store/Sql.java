package dev.bridle.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small JDBC steps Bridle's stores repeat, written once so that they behave alike on H2 and PostgreSQL: run a
 * statement with its values, read rows, insert unless the key is taken (see {@link Upsert} for the portable upsert).
 *
 * <pre>{@code
 * try (Connection c = db.dataSource().getConnection()) {
 *     boolean first = Sql.insertIfAbsent(c, "INSERT INTO seen (id, at) VALUES (?, ?)", ps -> {
 *         ps.setString(1, id);
 *         ps.setObject(2, Sql.utc(clock.instant()));
 *     });
 * } catch (SQLException e) {
 *     throw new StoreException("cannot record " + id + ": " + e.getMessage(), e);
 * }
 * }</pre>
 *
 * Each method works on the connection it is given and lets {@link SQLException} through: the caller says in its own
 * error what failed.
 */
public final class Sql {

    /** SQLSTATE of a unique-key violation, on H2 and PostgreSQL alike. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** For a statement without parameters. */
    public static final Binder NO_VALUES = ps -> {};

    private Sql() {}

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {

        /** Sets {@code ps}'s parameters. */
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads the row a result set is on. */
    @FunctionalInterface
    public interface RowReader<T> {

        /** The current row of {@code rs}. */
        T read(ResultSet rs) throws SQLException;
    }

    /** Whether {@code e} says a row with the same unique key is there already. */
    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /** Runs {@code sql} (an {@code INSERT}, {@code UPDATE} or {@code DELETE}); returns how many rows it changed. */
    public static int update(Connection c, String sql, Binder values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            values.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * Runs {@code insert}; false, with nothing written, if a row with its key is there already. Other errors go
     * through. On PostgreSQL a failed statement spoils an open transaction, so call this in auto-commit mode.
     */
    public static boolean insertIfAbsent(Connection c, String insert, Binder values) throws SQLException {
        try {
            update(c, insert, values);
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Every row {@code query} returns, in its order. */
    public static <T> List<T> list(Connection c, String query, Binder values, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            values.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    /** The first row {@code query} returns, if any (none either when {@code reader} makes it {@code null}). */
    public static <T> Optional<T> first(Connection c, String query, Binder values, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            values.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
            }
        }
    }

    /** {@code at} as the stores keep time: a timestamp with time zone, in UTC. */
    public static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
