package dev.bridle.internal.inbound;

import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who handles each inbound message, and how it ended ({@code inbound_seen}): so that a message delivered twice (by
 * polling and the webhook, to two nodes, again after a crash) is handled once, and none is used up without being
 * handled or recorded.
 *
 * <p>{@link #claim} inserts the row as {@code CLAIMED} by this node; the handler then settles it {@link #handled} or
 * {@link #failed} (with the reason). A message already claimed is {@link Claim.Outcome#SEEN} when it was handled, or
 * failed for good, and is claimed again (a takeover, one conditional {@code UPDATE}) when
 *
 * <ul>
 *   <li>its node is no longer alive ({@link NodeRegistry}: it crashed or stopped mid-way; on H2, an earlier process);
 *   <li>this node holds it but is not handling it (the settling write failed);
 *   <li>it failed and has tries left ({@link #MAX_ATTEMPTS} in all).
 * </ul>
 *
 * A message a live node is handling is {@link Claim.Outcome#HELD}. A message whose handling was cut short
 * {@link #MAX_ATTEMPTS} times (a message that crashes its node) is recorded as failed for good.
 */
public final class InboundClaims {

    /** How many times a message is tried before it is recorded as failed for good. */
    public static final int MAX_ATTEMPTS = 3;

    /** The longest reason stored. */
    static final int MAX_REASON = 500;

    private static final Logger log = LoggerFactory.getLogger(InboundClaims.class);

    private static final String KEY = " WHERE account = ? AND kind = ? AND message_id = ?";
    private static final String INSERT = "INSERT INTO inbound_seen "
            + "(account, kind, message_id, author_id, received_at, state, node_id, attempts) VALUES (?, ?, ?, ?, ?, 'CLAIMED', ?, 1)";
    private static final String READ = "SELECT state, node_id, attempts FROM inbound_seen" + KEY;
    private static final String TAKE_OVER =
            "UPDATE inbound_seen SET state = 'CLAIMED', node_id = ?, attempts = attempts + 1, "
                    + "received_at = ?, settled_at = NULL" + KEY + " AND state = ? AND attempts = ? AND node_id = ?";
    private static final String TAKE_OVER_FROM_DEAD =
            TAKE_OVER + " AND NOT " + NodeRegistry.aliveCondition("inbound_seen.node_id");
    private static final String TAKE_OVER_FAILED =
            "UPDATE inbound_seen SET state = 'CLAIMED', node_id = ?, attempts = attempts + 1, "
                    + "received_at = ?, settled_at = NULL" + KEY + " AND state = 'FAILED' AND attempts = ?";
    private static final String GIVE_UP = "UPDATE inbound_seen SET state = 'FAILED', reason = ?, settled_at = ?" + KEY
            + " AND state = 'CLAIMED' AND attempts = ? AND node_id = ? AND NOT "
            + NodeRegistry.aliveCondition("inbound_seen.node_id");
    private static final String SETTLE = "UPDATE inbound_seen SET state = ?, reason = ?, settled_at = ?" + KEY
            + " AND state = 'CLAIMED' AND node_id = ?";

    private final Database db;
    private final Clock clock;
    private final NodeRegistry node;
    /** Messages this node is handling right now: its own claims that are not leftovers. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public InboundClaims(Database db, Clock clock, NodeRegistry node) {
        this.db = db;
        this.clock = clock;
        this.node = node;
    }

    /** What {@link #claim} decided, and which try this is. */
    public record Claim(Outcome outcome, int attempt) {

        /** Whether the message is this node's to handle now. */
        public boolean claimed() {
            return outcome == Outcome.CLAIMED;
        }

        /** The answers of {@link #claim}. */
        public enum Outcome {
            /** This node handles it now: settle it with {@link #handled} or {@link #failed}. */
            CLAIMED,
            /** Handled before, or failed for good: nothing to do. */
            SEEN,
            /** A live node (or another thread here) is handling it: look again later. */
            HELD
        }
    }

    /**
     * Whether {@code account} (its handle, any case) received the message {@code messageId} from {@code authorId}: a
     * mention or a direct message it claimed, whatever became of it. A fact learnt from such a message is one the
     * person provided.
     */
    public static boolean receivedFrom(Database db, String account, String messageId, String authorId) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                            c,
                            "SELECT 1 FROM inbound_seen WHERE LOWER(account) = LOWER(?) AND message_id = ? AND author_id = ?",
                            ps -> {
                                ps.setString(1, account);
                                ps.setString(2, messageId);
                                ps.setString(3, authorId);
                            },
                            rs -> Boolean.TRUE)
                    .isPresent();
        } catch (SQLException e) {
            throw new StoreException("cannot tell who sent inbound message " + messageId + ": " + e.getMessage(), e);
        }
    }

    /** Claims {@code event} for this node, or says why not. */
    public Claim claim(InboundEvent event) {
        String key = key(event);
        try (Connection c = db.dataSource().getConnection()) {
            if (Sql.insertIfAbsent(c, INSERT, ps -> {
                bindKey(ps, 1, event);
                ps.setString(4, event.author().id());
                ps.setObject(5, now());
                ps.setString(6, node.id());
            })) {
                inFlight.add(key);
                return new Claim(Claim.Outcome.CLAIMED, 1);
            }
            Optional<Row> row = Sql.first(
                    c,
                    READ,
                    ps -> bindKey(ps, 1, event),
                    rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3)));
            if (row.isEmpty()) {
                return new Claim(Claim.Outcome.HELD, 0); // deleted in between: seen again next time
            }
            return again(c, event, key, row.get());
        } catch (SQLException e) {
            throw new StoreException("cannot claim inbound " + describe(event) + ": " + e.getMessage(), e);
        }
    }

    private Claim again(Connection c, InboundEvent event, String key, Row row) throws SQLException {
        if (row.state().equals("HANDLED") || row.state().equals("FAILED") && row.attempts() >= MAX_ATTEMPTS) {
            return new Claim(Claim.Outcome.SEEN, row.attempts());
        }
        if (row.state().equals("FAILED")) {
            return takeOver(c, From.FAILED, event, key, row);
        }
        if (node.id().equals(row.nodeId())) {
            // ours: in hand on another thread, or left over from a handler whose settling write failed
            return inFlight.contains(key)
                    ? new Claim(Claim.Outcome.HELD, row.attempts())
                    : takeOver(c, From.THIS_NODE, event, key, row);
        }
        if (row.attempts() >= MAX_ATTEMPTS) {
            int gaveUp = Sql.update(c, GIVE_UP, ps -> {
                ps.setString(1, "its node stopped while handling it, " + row.attempts() + " times");
                ps.setObject(2, now());
                bindKey(ps, 3, event);
                ps.setInt(6, row.attempts());
                ps.setString(7, row.nodeId());
                ps.setObject(8, Sql.utc(node.liveSince()));
            });
            if (gaveUp == 1) {
                log.error(
                        "inbound {}: its node stopped while handling it {} times; recorded as failed, not tried again",
                        describe(event),
                        row.attempts());
                return new Claim(Claim.Outcome.SEEN, row.attempts());
            }
            return new Claim(Claim.Outcome.HELD, row.attempts());
        }
        return takeOver(c, From.DEAD_NODE, event, key, row);
    }

    /** Whose claim is taken over: each is one conditional update on what was read, so of two takers one wins. */
    private enum From {
        FAILED,
        THIS_NODE,
        DEAD_NODE
    }

    private Claim takeOver(Connection c, From from, InboundEvent event, String key, Row row) throws SQLException {
        String sql = switch (from) {
            case FAILED -> TAKE_OVER_FAILED;
            case THIS_NODE -> TAKE_OVER;
            case DEAD_NODE -> TAKE_OVER_FROM_DEAD;
        };
        int taken = Sql.update(c, sql, ps -> {
            ps.setString(1, node.id());
            ps.setObject(2, now());
            bindKey(ps, 3, event);
            if (from == From.FAILED) {
                ps.setInt(6, row.attempts());
                return;
            }
            ps.setString(6, row.state());
            ps.setInt(7, row.attempts());
            ps.setString(8, row.nodeId());
            if (from == From.DEAD_NODE) {
                ps.setObject(9, Sql.utc(node.liveSince()));
            }
        });
        if (taken == 0) {
            return new Claim(Claim.Outcome.HELD, row.attempts());
        }
        inFlight.add(key);
        if (from == From.DEAD_NODE) {
            log.info(
                    "inbound {} was claimed by node {}, which is no longer alive: handling it here (try {} of {})",
                    describe(event),
                    NodeRegistry.shortId(row.nodeId()),
                    row.attempts() + 1,
                    MAX_ATTEMPTS);
        }
        return new Claim(Claim.Outcome.CLAIMED, row.attempts() + 1);
    }

    /** Records that {@code event}, claimed by this node, was handled. */
    public void handled(InboundEvent event) {
        settle(event, "HANDLED", null);
    }

    /** Records that handling {@code event}, claimed by this node, failed, and why. */
    public void failed(InboundEvent event, String reason) {
        settle(event, "FAILED", shorten(reason));
    }

    /** {@code reason} cut to what is stored ({@value #MAX_REASON} characters). */
    static String shorten(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    private void settle(InboundEvent event, String state, String reason) {
        try (Connection c = db.dataSource().getConnection()) {
            int settled = Sql.update(c, SETTLE, ps -> {
                ps.setString(1, state);
                ps.setString(2, reason);
                ps.setObject(3, now());
                bindKey(ps, 4, event);
                ps.setString(7, node.id());
            });
            if (settled == 0) {
                log.warn(
                        "inbound {} was taken over by another node before this one recorded it {}; "
                                + "this node's heartbeat had lapsed",
                        describe(event),
                        state.toLowerCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot record inbound " + describe(event) + " as " + state.toLowerCase(java.util.Locale.ROOT)
                            + ": " + e.getMessage(),
                    e);
        } finally {
            inFlight.remove(key(event));
        }
    }

    /** For messages: kind, id, author and account. */
    static String describe(InboundEvent event) {
        return event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + event.id() + " from "
                + event.author() + " to @" + event.account().handle();
    }

    private static void bindKey(java.sql.PreparedStatement ps, int first, InboundEvent event) throws SQLException {
        ps.setString(first, event.account().handle());
        ps.setString(first + 1, event.kind().name());
        ps.setString(first + 2, event.id());
    }

    private static String key(InboundEvent event) {
        return event.account().handle() + '\n' + event.kind() + '\n' + event.id();
    }

    private OffsetDateTime now() {
        return Sql.utc(clock.instant());
    }

    private record Row(String state, String nodeId, int attempts) {}
}
