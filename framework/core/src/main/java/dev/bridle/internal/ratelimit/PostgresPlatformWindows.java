package dev.bridle.internal.ratelimit;

import dev.bridle.internal.ratelimit.PlatformLimits.Reservation;
import dev.bridle.internal.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The platform's rate-limit windows shared by every node, in PostgreSQL's {@code platform_rate_window} table (migration
 * {@code V11}), so that nodes among which Quartz spreads one account's runs spend one count: together they never
 * reserve more requests than the platform last said remain. Used with {@code throttles.buckets: database}.
 *
 * <p>Each operation is one statement on the window's row, which PostgreSQL runs atomically under the row's lock:
 * {@link #reserve} is a conditional {@code UPDATE} that decrements only while {@code remaining > 0} and the reset is in
 * the future (one round trip; a second, a read, only when it changed nothing); {@link #observe} is an {@code INSERT ...
 * ON CONFLICT DO UPDATE} applying the merge rules of {@link PlatformWindows}; {@link #giveBack} an {@code UPDATE} of
 * the same window only. PostgreSQL only ({@code RETURNING}, {@code ON CONFLICT}).
 */
final class PostgresPlatformWindows implements PlatformWindows {

    private static final String RESERVE = "UPDATE platform_rate_window SET remaining = remaining - 1"
            + " WHERE account = ? AND kind = ? AND resets_at > ? AND remaining > 0 RETURNING window_limit, resets_at";
    private static final String READ = "SELECT window_limit, remaining, resets_at FROM platform_rate_window"
            + " WHERE account = ? AND kind = ? AND resets_at > ?";
    private static final String GIVE_BACK = "UPDATE platform_rate_window"
            + " SET remaining = CASE WHEN window_limit >= 0 THEN LEAST(remaining + 1, window_limit) ELSE remaining + 1 END"
            + " WHERE account = ? AND kind = ? AND resets_at = ?";
    private static final String OBSERVE =
            "INSERT INTO platform_rate_window AS w (account, kind, window_limit, remaining, resets_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, kind) DO UPDATE SET"
                    + " window_limit = CASE WHEN EXCLUDED.resets_at > w.resets_at OR EXCLUDED.window_limit >= 0"
                    + " THEN EXCLUDED.window_limit ELSE w.window_limit END,"
                    + " remaining = CASE WHEN EXCLUDED.resets_at = w.resets_at THEN LEAST(w.remaining, EXCLUDED.remaining)"
                    + " ELSE EXCLUDED.remaining END,"
                    + " resets_at = EXCLUDED.resets_at"
                    // a late answer about an older window changes nothing
                    + " WHERE EXCLUDED.resets_at >= w.resets_at";

    /** A reservation can race a new window's first report at most this many times before it gives up (fails closed). */
    private static final int ATTEMPTS = 3;

    private record Row(long limit, long remaining, Instant reset) {}

    private final DataSource dataSource;

    /** Windows in {@code dataSource}'s {@code platform_rate_window} table. */
    PostgresPlatformWindows(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Reservation reserve(String key, Instant now) {
        String[] ak = split(key);
        // PostgreSQL keeps microseconds and would round a nanosecond before the reset up to it:
        // rounded down instead, a window is never taken for reset early.
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Reservation> taken = Sql.first(
                        c,
                        RESERVE,
                        ps -> bind(ps, ak, at),
                        rs -> new Reservation(
                                Reservation.Outcome.TAKEN,
                                rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant()));
                if (taken.isPresent()) {
                    return taken.get();
                }
                Optional<Row> row = Sql.first(
                        c,
                        READ,
                        ps -> bind(ps, ak, at),
                        rs -> new Row(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant()));
                if (row.isEmpty()) {
                    return Reservation.UNKNOWN;
                }
                if (row.get().remaining() <= 0) {
                    return new Reservation(
                            Reservation.Outcome.USED_UP,
                            row.get().limit(),
                            row.get().reset());
                }
                // a report of a new window came between the two statements: take from it
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not reserve a request of the platform's rate limit for " + key + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("could not reserve a request of the platform's rate limit for " + key
                + ": its window changed under " + ATTEMPTS + " attempts in a row");
    }

    @Override
    public Optional<PlatformLimits.Window> peek(String key, Instant now) {
        String[] ak = split(key);
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            return Sql.first(
                    c,
                    READ,
                    ps -> bind(ps, ak, at),
                    rs -> new PlatformLimits.Window(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not read the platform's rate limit for " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void giveBack(String key, Instant reset) {
        String[] ak = split(key);
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, GIVE_BACK, ps -> bind(ps, ak, reset));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not give back a request of the platform's rate limit for " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void observe(String key, long limit, long remaining, Instant reset) {
        String[] ak = split(key);
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, OBSERVE, ps -> {
                ps.setString(1, ak[0]);
                ps.setString(2, ak[1]);
                ps.setLong(3, limit);
                ps.setLong(4, remaining);
                ps.setObject(5, Sql.utc(reset));
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not record the platform's rate limit for " + key + ": " + e.getMessage(), e);
        }
    }

    private static void bind(java.sql.PreparedStatement ps, String[] ak, Instant at) throws SQLException {
        ps.setString(1, ak[0]);
        ps.setString(2, ak[1]);
        ps.setObject(3, Sql.utc(at));
    }

    /** {@code "acme_news:POST"} as account and kind (handles have no colon). */
    private static String[] split(String key) {
        int colon = key.lastIndexOf(':');
        return new String[] {key.substring(0, colon), key.substring(colon + 1)};
    }
}
