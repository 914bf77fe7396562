package dev.bridle.internal.export;

import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's redistribution quotas, per recipient, over rolling windows of what was exported to them
 * ({@code export_batch}): at most {@value #HYDRATED_PER_DAY} hydrated post or user objects in any 24 hours, and at most
 * {@value #IDS_PER_30_DAYS} IDs in any 30 days unless the recipient is an academic institution redistributing for
 * non-commercial research or holds the platform's written permission. An export is reserved before a byte of it is
 * written: the sums and the new row are taken in one transaction under a lock on the recipient's row, so two nodes
 * exporting at once cannot both spend the same remainder, and a restart forgets nothing. A recipient with no recorded
 * agreement to the platform's terms gets nothing.
 */
public final class ExportQuotas {

    /** Hydrated objects a recipient may receive in any 24 hours. */
    public static final long HYDRATED_PER_DAY = 50_000;
    /** IDs a recipient may receive in any 30 days without an exemption. */
    public static final long IDS_PER_30_DAYS = 1_500_000;

    static final Duration DAY = Duration.ofHours(24);
    static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private final Database db;
    private final Clock clock;

    public ExportQuotas(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What {@link #reserve} decided. */
    public sealed interface Reservation {
        /** The export may be written; {@link #release} it if writing fails. */
        record Granted(UUID batch) implements Reservation {}

        /**
         * The export may not be written, and why ({@link ReasonCode#EXPORT_QUOTA},
         * {@link ReasonCode#NO_RECIPIENT_AGREEMENT}).
         */
        record Refused(ReasonCode code, String message) implements Reservation {}
    }

    /**
     * One quota's state.
     *
     * @param used what went to the recipient within the window
     * @param limit the most the window allows, or {@code -1} when the recipient is exempt
     * @param freesAt when the oldest export counted leaves the window and the remainder grows, or {@code null} if none
     */
    public record Window(long used, long limit, Instant freesAt) {
        /** What may still go within the window; {@link Long#MAX_VALUE} when exempt. */
        public long remaining() {
            return limit < 0 ? Long.MAX_VALUE : Math.max(0, limit - used);
        }
    }

    /** A recipient's quotas now: IDs over 30 days, hydrated objects over 24 hours. */
    public record State(Recipient recipient, Window ids, Window hydrated) {}

    /**
     * Reserves an export of {@code ids} IDs, {@code hydrated} of them hydrated, to {@code recipient} at
     * {@code destination}, if the quotas allow it.
     */
    public Reservation reserve(String recipient, long ids, long hydrated, String destination) {
        if (ids < 0 || hydrated < 0 || hydrated > ids) {
            throw new IllegalArgumentException("an export has zero or more IDs, of which at most all are hydrated; not "
                    + ids + " and " + hydrated);
        }
        Objects.requireNonNull(destination, "destination");
        Instant now = clock.instant();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Recipient> found = Sql.first(
                        c,
                        "SELECT name, terms_agreed_on, terms_reference, academic_noncommercial, written_permission,"
                                + " added_at FROM export_recipient WHERE name = ? FOR UPDATE",
                        ps -> ps.setString(1, recipient),
                        Recipients::row);
                if (found.isEmpty()) {
                    c.rollback();
                    return new Reservation.Refused(
                            ReasonCode.NO_RECIPIENT_AGREEMENT,
                            "no recipient '" + recipient + "' is recorded with an agreement to the platform's terms;"
                                    + " record one first (bridle recipients add " + recipient
                                    + " --terms-agreed DATE --terms-reference REF)");
                }
                State state = state(c, found.get(), now);
                Optional<String> over = over(state, ids, hydrated);
                if (over.isPresent()) {
                    c.rollback();
                    return new Reservation.Refused(ReasonCode.EXPORT_QUOTA, over.get());
                }
                UUID batch = UUID.randomUUID();
                Sql.update(
                        c,
                        "INSERT INTO export_batch (id, recipient, ids, hydrated, exported_at, destination)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        ps -> {
                            ps.setObject(1, batch);
                            ps.setString(2, recipient);
                            ps.setLong(3, ids);
                            ps.setLong(4, hydrated);
                            ps.setObject(5, Sql.utc(now));
                            ps.setString(6, destination);
                        });
                c.commit();
                return new Reservation.Granted(batch);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("reserve an export to '" + recipient + "'", e);
        }
    }

    /** Gives back a reservation whose export was not written. */
    public void release(UUID batch) {
        try (Connection c = db.dataSource().getConnection()) {
            Sql.update(c, "DELETE FROM export_batch WHERE id = ?", ps -> ps.setObject(1, batch));
        } catch (SQLException e) {
            throw failure("release export " + batch, e);
        }
    }

    /** {@code recipient}'s quotas now, if it is recorded. */
    public Optional<State> state(String recipient) {
        try (Connection c = db.dataSource().getConnection()) {
            Optional<Recipient> found = new Recipients(db).find(recipient);
            return found.isEmpty() ? Optional.empty() : Optional.of(state(c, found.get(), clock.instant()));
        } catch (SQLException e) {
            throw failure("read the quotas of '" + recipient + "'", e);
        }
    }

    private static Optional<String> over(State state, long ids, long hydrated) {
        if (state.ids().limit() >= 0 && ids > state.ids().remaining()) {
            return Optional.of(refusal(state.recipient(), "IDs", ids, state.ids(), "30 days", IDS_PER_30_DAYS)
                    + "; an academic non-commercial exemption or the platform's written permission lifts it");
        }
        if (hydrated > state.hydrated().remaining()) {
            return Optional.of(refusal(
                    state.recipient(), "hydrated objects", hydrated, state.hydrated(), "24 hours", HYDRATED_PER_DAY));
        }
        return Optional.empty();
    }

    private static String refusal(Recipient r, String what, long asked, Window window, String span, long limit) {
        return "exporting " + asked + " " + what + " to '" + r.name() + "' would pass its quota of " + limit
                + " in any "
                + span + ": " + window.used() + " went already, " + window.remaining() + " remain"
                + (window.freesAt() == null ? "" : ", and more frees up at " + window.freesAt());
    }

    private State state(Connection c, Recipient recipient, Instant now) throws SQLException {
        Window ids = window(
                c,
                recipient.name(),
                "ids",
                now.minus(THIRTY_DAYS),
                THIRTY_DAYS,
                recipient.idLimitLifted() ? -1 : IDS_PER_30_DAYS);
        Window hydrated = window(c, recipient.name(), "hydrated", now.minus(DAY), DAY, HYDRATED_PER_DAY);
        return new State(recipient, ids, hydrated);
    }

    private static Window window(
            Connection c, String recipient, String column, Instant since, Duration span, long limit)
            throws SQLException {
        record Sum(long used, OffsetDateTime oldest) {}
        Sum sum = Sql.first(
                        c,
                        "SELECT COALESCE(SUM(" + column + "), 0), MIN(exported_at) FROM export_batch"
                                + " WHERE recipient = ? AND exported_at > ? AND " + column + " > 0",
                        ps -> {
                            ps.setString(1, recipient);
                            ps.setObject(2, Sql.utc(since));
                        },
                        rs -> new Sum(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                .orElse(new Sum(0, null));
        return new Window(
                sum.used(),
                limit,
                sum.oldest() == null ? null : sum.oldest().toInstant().plus(span));
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + db.url() + ": " + e.getMessage(), e);
    }
}
