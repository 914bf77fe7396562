package dev.bridle.internal.health;

import dev.bridle.guard.ActionKind;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.store.Upsert;
import dev.bridle.platform.PlatformException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform said about each account, kept in the store (tables {@code account_pause} and
 * {@code account_kind_pause}, migration V7) so that every node and every restart honours it.
 *
 * <ul>
 *   <li>An account the platform locked, flagged or refused (326, 226, 261, 64) or no longer authenticates (89, 32) is
 *       <em>paused</em>: nothing is sent as it until an operator resumes it ({@code bridle accounts resume HANDLE}).
 *       Other accounts carry on.
 *   <li>A daily account limit (185 posts, 161 follows, the DM limit) pauses the kinds of action that share it, for that
 *       account, until the window ends.
 * </ul>
 *
 * Each pause is logged at ERROR (a kind pause at WARN) once, when it is recorded.
 * {@link dev.bridle.internal.health.AccountPauseGuard} reads it for every action.
 */
public final class AccountHealth {

    private static final Logger log = LoggerFactory.getLogger(AccountHealth.class);

    /** Messages longer than this are cut; the platform's own texts are shorter. */
    static final int MAX_MESSAGE = 500;

    private static final String INSERT_PAUSE = "INSERT INTO account_pause"
            + " (account, reason, error_code, http_status, message, paused_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_PAUSE =
            "SELECT account, reason, error_code, http_status, message, paused_at" + " FROM account_pause";
    private static final String DELETE_PAUSE = "DELETE FROM account_pause WHERE account = ?";
    private static final Upsert PAUSE_KIND = Upsert.of(
            "account_kind_pause",
            List.of("account", "action_kind"),
            List.of("error_code", "paused_until", "paused_at"));
    private static final String SELECT_KINDS =
            "SELECT account, action_kind, error_code, paused_until" + " FROM account_kind_pause WHERE paused_until > ?";

    private final Database db;
    private final Clock clock;

    public AccountHealth(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The kinds of action that share one daily platform limit with {@code kind}: retweets count as posts. */
    public static Set<ActionKind> sharingDailyLimit(ActionKind kind) {
        return switch (kind) {
            case POST, REPLY, REPOST -> EnumSet.of(ActionKind.POST, ActionKind.REPLY, ActionKind.REPOST);
            default -> EnumSet.of(kind);
        };
    }

    /**
     * Pauses {@code handle} after the platform refused it with {@code failure}.
     *
     * @return whether it was newly paused (false if it already was)
     */
    public boolean pause(String handle, PlatformException failure) {
        return pause(handle, PauseReason.of(failure), failure.errorCode(), failure.httpStatus(), failure.getMessage());
    }

    /**
     * Pauses {@code handle}; logs it at ERROR if it was not paused before.
     *
     * @return whether it was newly paused
     */
    public boolean pause(String handle, PauseReason reason, int errorCode, int httpStatus, String message) {
        String account = key(handle);
        String text = message == null ? reason.name() : cut(message);
        Instant now = clock.instant();
        try (Connection c = db.dataSource().getConnection()) {
            boolean inserted = Sql.insertIfAbsent(c, INSERT_PAUSE, ps -> {
                ps.setString(1, account);
                ps.setString(2, reason.name());
                ps.setInt(3, errorCode);
                ps.setInt(4, httpStatus);
                ps.setString(5, text);
                ps.setObject(6, Sql.utc(now));
            });
            if (!inserted) {
                return false;
            }
        } catch (SQLException e) {
            throw failure("pause @" + account, e);
        }
        log.error(
                "ACCOUNT PAUSED: @{} - {}. Nothing will be sent as @{} until it is resumed; other accounts carry on.",
                account,
                new AccountPause(account, reason, errorCode, httpStatus, now, text).describe(),
                account);
        return true;
    }

    /** Pauses {@code kinds} for {@code handle} until {@code until} (a later time wins over an earlier one). */
    public void pauseKinds(String handle, Collection<ActionKind> kinds, Instant until, int errorCode) {
        String account = key(handle);
        Instant now = clock.instant();
        try (Connection c = db.dataSource().getConnection()) {
            for (ActionKind kind : kinds) {
                if (pausedUntil(c, account, kind, now)
                        .map(u -> !u.isBefore(until))
                        .orElse(false)) {
                    continue;
                }
                PAUSE_KIND.write(c, List.of(account, kind.name()), List.of(errorCode, Sql.utc(until), Sql.utc(now)));
                log.warn(
                        "DAILY LIMIT: @{} may not {} until {} (the platform said code {}); its other actions carry on.",
                        account,
                        kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        until,
                        errorCode);
            }
        } catch (SQLException e) {
            throw failure("pause actions of @" + account, e);
        }
    }

    /** The pause of {@code handle}, if it is paused. */
    public Optional<AccountPause> pauseOf(String handle) {
        String account = key(handle);
        return paused().stream().filter(p -> p.handle().equals(account)).findFirst();
    }

    /** Until when {@code kind} is paused for {@code handle}, if it is now. */
    public Optional<Instant> pausedUntil(String handle, ActionKind kind) {
        try (Connection c = db.dataSource().getConnection()) {
            return pausedUntil(c, key(handle), kind, clock.instant());
        } catch (SQLException e) {
            throw failure("read the pauses of @" + key(handle), e);
        }
    }

    /** Every paused account. */
    public List<AccountPause> paused() {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    SELECT_PAUSE + " ORDER BY account",
                    Sql.NO_VALUES,
                    rs -> new AccountPause(
                            rs.getString(1),
                            reason(rs.getString(2)),
                            rs.getInt(3),
                            rs.getInt(4),
                            rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getString(5)));
        } catch (SQLException e) {
            throw failure("read the paused accounts", e);
        }
    }

    /** Every kind pause still in effect. */
    public List<KindPause> kindPauses() {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    SELECT_KINDS + " ORDER BY account, action_kind",
                    ps -> ps.setObject(1, Sql.utc(clock.instant())),
                    rs -> new KindPause(
                            rs.getString(1),
                            ActionKind.valueOf(rs.getString(2)),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getInt(3)));
        } catch (SQLException e) {
            throw failure("read the paused actions", e);
        }
    }

    /**
     * Resumes {@code handle}: actions as it pass the guard again. Daily-limit pauses are left to run out, since the
     * platform would refuse those actions anyway.
     *
     * @return whether it was paused
     */
    public boolean resume(String handle) {
        String account = key(handle);
        try (Connection c = db.dataSource().getConnection()) {
            boolean was = Sql.update(c, DELETE_PAUSE, ps -> ps.setString(1, account)) > 0;
            if (was) {
                log.warn("account @{} resumed; actions as it are checked and sent again", account);
            }
            return was;
        } catch (SQLException e) {
            throw failure("resume @" + account, e);
        }
    }

    private static Optional<Instant> pausedUntil(Connection c, String account, ActionKind kind, Instant now)
            throws SQLException {
        return Sql.first(
                c,
                SELECT_KINDS + " AND account = ? AND action_kind = ?",
                ps -> {
                    ps.setObject(1, Sql.utc(now));
                    ps.setString(2, account);
                    ps.setString(3, kind.name());
                },
                rs -> rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    private static PauseReason reason(String name) {
        try {
            return PauseReason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return PauseReason.RESTRICTED;
        }
    }

    private static String key(String handle) {
        Objects.requireNonNull(handle, "handle");
        return (handle.startsWith("@") ? handle.substring(1) : handle).toLowerCase(Locale.ROOT);
    }

    private static String cut(String message) {
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + db.url() + ": " + e.getMessage(), e);
    }
}
