package dev.bridle.internal.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deferred actions in the store ({@code deferred_action}, {@code deferred_action_target}). A row is PENDING until it is
 * claimed to run (RUNNING, by one node only), then DONE, CANCELLED by an opt-out, or EXPIRED past its maximum age; its
 * text is cleared when it leaves PENDING for good. A row is queued by a deferral ({@code deferred} true), or is owed
 * work queued before its first try (a compliance message, {@code deferred} false until it is first put off).
 */
final class DeferredActionStore {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String EXPIRED = "EXPIRED";

    /** A row claimed to run: the action, and whether it was queued by a deferral already recorded. */
    record Claimed(ActionRequest request, boolean deferred) {}

    /** How many actions are waiting (PENDING or RUNNING) for one bot and for one account. */
    record Waiting(int bot, int account) {}

    /** A row waiting to run, and when. */
    record Due(UUID requestId, Instant at) {}

    /** A row left RUNNING, and whether it is owed work. */
    record Stuck(UUID requestId, boolean owed) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;

    DeferredActionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores {@code request} as PENDING until {@code dueAt}, queued by a deferral, or moves an existing row back to
     * PENDING at that time (keeping its text).
     */
    void putPending(ActionRequest request, Instant dueAt) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (update(
                                c,
                                "UPDATE deferred_action SET status = ?, due_at = ?, updated_at = ?, deferred = TRUE WHERE request_id = ?",
                                PENDING,
                                utc(dueAt),
                                now(),
                                request.requestId())
                        == 0) {
                    insert(c, request, dueAt, true);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store deferred action " + request.requestId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores owed work as PENDING, due now, not yet deferred, and forces it to disk before returning: once this
     * returns, a crash does not lose it (start-up schedules what is PENDING).
     */
    void putOwed(ActionRequest request) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, request, clock.instant(), false);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            db.forceToDisk(c);
        } catch (SQLException e) {
            throw new StoreException("cannot queue owed action " + request.requestId() + ": " + e.getMessage(), e);
        }
    }

    private void insert(Connection c, ActionRequest r, Instant dueAt, boolean deferred) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO deferred_action (request_id, bot, account, account_id, kind,"
                        + " body, targets, post_id, post_author_id, post_author_handle, inbound_id, requested_at, due_at, status,"
                        + " updated_at, origin, deferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, r.requestId());
            ps.setString(2, r.botName());
            ps.setString(3, r.account().handle());
            ps.setString(4, r.account().userId());
            ps.setString(5, r.kind().name());
            ps.setString(6, r.text());
            ps.setString(7, targetsJson(r.targets()));
            ps.setString(8, r.post() == null ? null : r.post().id());
            ps.setString(
                    9,
                    r.post() == null || r.post().author() == null
                            ? null
                            : r.post().author().id());
            ps.setString(
                    10,
                    r.post() == null || r.post().author() == null
                            ? null
                            : r.post().author().handle());
            ps.setString(11, r.inboundId());
            ps.setObject(12, utc(r.requestedAt()));
            ps.setObject(13, utc(dueAt));
            ps.setString(14, PENDING);
            ps.setObject(15, now());
            ps.setString(16, r.origin().name());
            ps.setBoolean(17, deferred);
            ps.executeUpdate();
        }
        for (UserRef user : r.targetUsers()) {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO deferred_action_target (request_id, user_id) VALUES (?, ?)")) {
                ps.setObject(1, r.requestId());
                ps.setString(2, user.id());
                ps.executeUpdate();
            }
        }
    }

    /** Claims a PENDING action to run it; empty if it is not pending (cancelled, run, or claimed by another node). */
    Optional<Claimed> claim(UUID requestId) {
        try (Connection c = db.dataSource().getConnection()) {
            if (update(
                            c,
                            "UPDATE deferred_action SET status = ?, updated_at = ? WHERE request_id = ? AND status = ?",
                            RUNNING,
                            now(),
                            requestId,
                            PENDING)
                    == 0) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM deferred_action WHERE request_id = ?")) {
                ps.setObject(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Claimed(read(rs), rs.getBoolean("deferred"))) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot claim deferred action " + requestId + ": " + e.getMessage(), e);
        }
    }

    /** Marks a RUNNING action DONE and clears its text; a row put back to PENDING meanwhile is left alone. */
    void finish(UUID requestId) {
        settle(requestId, DONE, RUNNING);
    }

    /** Marks a waiting action EXPIRED and clears its text. */
    void expire(UUID requestId) {
        settle(requestId, EXPIRED, RUNNING, PENDING);
    }

    /** Puts a RUNNING action back to PENDING, due at {@code dueAt} (a run a crash cut short). */
    void reset(UUID requestId, Instant dueAt) {
        try (Connection c = db.dataSource().getConnection()) {
            update(
                    c,
                    "UPDATE deferred_action SET status = ?, due_at = ?, updated_at = ? WHERE request_id = ? AND status = ?",
                    PENDING,
                    utc(dueAt),
                    now(),
                    requestId,
                    RUNNING);
        } catch (SQLException e) {
            throw new StoreException("cannot reset deferred action " + requestId + ": " + e.getMessage(), e);
        }
    }

    private void settle(UUID requestId, String status, String... from) {
        String in = String.join(", ", Collections.nCopies(from.length, "?"));
        Object[] values = new Object[3 + from.length];
        values[0] = status;
        values[1] = now();
        values[2] = requestId;
        System.arraycopy(from, 0, values, 3, from.length);
        try (Connection c = db.dataSource().getConnection()) {
            update(
                    c,
                    "UPDATE deferred_action SET status = ?, body = NULL, updated_at = ? WHERE request_id = ? AND status IN ("
                            + in + ")",
                    values);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot mark deferred action " + requestId + " " + status + ": " + e.getMessage(), e);
        }
    }

    /** Counts one more try of owed work; returns how many tries it has had again so far. */
    int countAttempt(UUID requestId) {
        try (Connection c = db.dataSource().getConnection()) {
            update(c, "UPDATE deferred_action SET attempts = attempts + 1 WHERE request_id = ?", requestId);
            return Sql.first(
                            c,
                            "SELECT attempts FROM deferred_action WHERE request_id = ?",
                            ps -> ps.setObject(1, requestId),
                            rs -> rs.getInt(1))
                    .orElse(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count a try of deferred action " + requestId + ": " + e.getMessage(), e);
        }
    }

    /** How many actions other than {@code requestId} are waiting for {@code bot} and for {@code account}. */
    Waiting waiting(String bot, String account, UUID requestId) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                            c,
                            "SELECT SUM(CASE WHEN bot = ? THEN 1 ELSE 0 END), SUM(CASE WHEN account = ? THEN 1 ELSE 0 END)"
                                    + " FROM deferred_action WHERE status IN (?, ?) AND (bot = ? OR account = ?) AND request_id <> ?",
                            ps -> {
                                ps.setString(1, bot);
                                ps.setString(2, account);
                                ps.setString(3, PENDING);
                                ps.setString(4, RUNNING);
                                ps.setString(5, bot);
                                ps.setString(6, account);
                                ps.setObject(7, requestId);
                            },
                            rs -> new Waiting(rs.getInt(1), rs.getInt(2)))
                    .orElse(new Waiting(0, 0));
        } catch (SQLException e) {
            throw new StoreException("cannot count the deferred actions of bot " + bot + ": " + e.getMessage(), e);
        }
    }

    /** How many actions are waiting in all. */
    int waiting() {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                            c,
                            "SELECT COUNT(*) FROM deferred_action WHERE status IN (?, ?)",
                            ps -> {
                                ps.setString(1, PENDING);
                                ps.setString(2, RUNNING);
                            },
                            rs -> rs.getInt(1))
                    .orElse(0);
        } catch (SQLException e) {
            throw new StoreException("cannot count the deferred actions: " + e.getMessage(), e);
        }
    }

    /** The PENDING rows, with when each is due. */
    List<Due> pending() {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    "SELECT request_id, due_at FROM deferred_action WHERE status = ?",
                    ps -> ps.setString(1, PENDING),
                    rs -> new Due(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, OffsetDateTime.class).toInstant()));
        } catch (SQLException e) {
            throw new StoreException("cannot read the pending deferred actions: " + e.getMessage(), e);
        }
    }

    /** The RUNNING rows last touched at or before {@code before}: runs a crash cut short. */
    List<Stuck> running(Instant before) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    "SELECT request_id, origin FROM deferred_action WHERE status = ? AND updated_at <= ?",
                    ps -> {
                        ps.setString(1, RUNNING);
                        ps.setObject(2, utc(before));
                    },
                    rs -> new Stuck(
                            rs.getObject(1, UUID.class),
                            ActionOrigin.COMPLIANCE.name().equals(rs.getString(2))));
        } catch (SQLException e) {
            throw new StoreException("cannot read the running deferred actions: " + e.getMessage(), e);
        }
    }

    /**
     * Cancels every PENDING action reaching {@code userId}; returns their request ids. Compliance messages are left:
     * they are owed to the user they answer, whom the opt-out does not shield from its own confirmation.
     */
    List<UUID> cancelTowards(String userId) {
        List<UUID> cancelled = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT d.request_id FROM deferred_action d JOIN deferred_action_target t"
                            + " ON t.request_id = d.request_id WHERE t.user_id = ? AND d.status = ? AND d.origin <> ?")) {
                ps.setString(1, userId);
                ps.setString(2, PENDING);
                ps.setString(3, ActionOrigin.COMPLIANCE.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cancelled.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (UUID id : cancelled) {
                update(
                        c,
                        "UPDATE deferred_action SET status = ?, body = NULL, updated_at = ? WHERE request_id = ? AND status = ?",
                        CANCELLED,
                        now(),
                        id,
                        PENDING);
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot cancel deferred actions towards user " + userId + ": " + e.getMessage(), e);
        }
        return cancelled;
    }

    /** The status of {@code requestId}, if it was ever deferred. */
    Optional<String> status(UUID requestId) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT status FROM deferred_action WHERE request_id = ?")) {
            ps.setObject(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read deferred action " + requestId + ": " + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static ActionRequest read(ResultSet rs) throws SQLException {
        String postId = rs.getString("post_id");
        String authorId = rs.getString("post_author_id");
        PostRef post = postId == null
                ? null
                : new PostRef(
                        postId, authorId == null ? null : new UserRef(authorId, rs.getString("post_author_handle")));
        return new ActionRequest(
                rs.getObject("request_id", UUID.class),
                rs.getString("bot"),
                new Account(rs.getString("account"), rs.getString("account_id")),
                ActionKind.valueOf(rs.getString("kind")),
                rs.getString("body"),
                targets(rs.getString("targets")),
                post,
                rs.getString("inbound_id"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                ActionOrigin.valueOf(rs.getString("origin")));
    }

    private static String targetsJson(List<Target> targets) {
        ArrayNode array = JSON.createArrayNode();
        for (Target t : targets) {
            array.addObject()
                    .put("id", t.user().id())
                    .put("handle", t.user().handle())
                    .put("role", t.role().name());
        }
        return array.toString();
    }

    private static List<Target> targets(String json) throws SQLException {
        try {
            List<Target> targets = new ArrayList<>();
            for (JsonNode t : JSON.readTree(json)) {
                JsonNode handle = t.get("handle");
                targets.add(new Target(
                        new UserRef(t.get("id").asText(), handle == null || handle.isNull() ? null : handle.asText()),
                        TargetRole.valueOf(t.get("role").asText())));
            }
            return targets;
        } catch (JsonProcessingException e) {
            throw new SQLException("malformed targets in a deferred action: " + e.getOriginalMessage(), e);
        }
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
