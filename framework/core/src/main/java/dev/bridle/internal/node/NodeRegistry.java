package dev.bridle.internal.node;

import dev.bridle.config.NodeMismatchException;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Dialect;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process among the nodes sharing one store ({@code bridle_node}, {@code V12__nodes.sql}).
 *
 * <p>{@link #join} records the node (a new id per start, host, pid, start time, heartbeat, and the
 * {@link ConfigFingerprint}) and refuses, with {@link NodeMismatchException}, while a live node runs another
 * configuration; the comparison and the insert happen under one row lock, so two nodes starting at once cannot miss
 * each other. A node is <em>alive</em> while it has not stopped and its heartbeat is younger than
 * {@link #LAPSES_AFTER}; it beats every {@link #HEARTBEAT_EVERY} on a background thread, with the time of the injected
 * clock (nodes' clocks must agree to within a few seconds: keep them on NTP). {@link #close} marks it stopped.
 *
 * <p>An H2 file is opened by one process only, so on H2 every other row is an earlier process of this store, and
 * {@link #join} marks them stopped: what they held is free at once.
 */
public final class NodeRegistry implements AutoCloseable {

    /** How often a node writes its heartbeat. */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(10);

    /** A node whose heartbeat is this old is no longer alive: three missed beats. */
    public static final Duration LAPSES_AFTER = Duration.ofSeconds(30);

    /** Rows of nodes silent this long are deleted at the next start. */
    static final Duration FORGET_AFTER = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);

    private static final String LIVE =
            "SELECT node_id, host, pid, heartbeat_at, config_hash, config_text FROM bridle_node "
                    + "WHERE stopped_at IS NULL AND heartbeat_at > ? ORDER BY started_at";
    private static final String INSERT = "INSERT INTO bridle_node "
            + "(node_id, host, pid, started_at, heartbeat_at, config_hash, config_text) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Database db;
    private final Clock clock;
    private final String id;
    private final String host = host();
    private final AtomicBoolean beating = new AtomicBoolean(true);
    private ScheduledExecutorService timer;

    private NodeRegistry(Database db, Clock clock, String id) {
        this.db = db;
        this.clock = clock;
        this.id = id;
    }

    /**
     * Records this process as a node of {@code db}'s store, running {@code config}, and starts its heartbeat.
     *
     * @throws NodeMismatchException if a live node runs a different configuration
     * @throws StoreException if the store cannot be read or written
     */
    public static NodeRegistry join(Database db, ConfigFingerprint config, Clock clock) {
        Objects.requireNonNull(config, "config");
        NodeRegistry node = new NodeRegistry(
                Objects.requireNonNull(db, "db"),
                Objects.requireNonNull(clock, "clock"),
                UUID.randomUUID().toString());
        node.register(config);
        node.startHeartbeat();
        return node;
    }

    /** This node's id, new at every start. */
    public String id() {
        return id;
    }

    /** A node whose heartbeat is after this instant (and that has not stopped) is alive. */
    public Instant liveSince() {
        return clock.instant().minus(LAPSES_AFTER);
    }

    /**
     * An SQL condition that holds when the node whose id is in {@code column} is alive; bind {@link #liveSince()} to
     * its one parameter.
     */
    public static String aliveCondition(String column) {
        return "EXISTS (SELECT 1 FROM bridle_node n WHERE n.node_id = " + column
                + " AND n.stopped_at IS NULL AND n.heartbeat_at > ?)";
    }

    /** Whether the node {@code nodeId} is alive now. */
    public boolean isAlive(String nodeId) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                            c,
                            "SELECT 1 FROM bridle_node WHERE node_id = ? AND stopped_at IS NULL AND heartbeat_at > ?",
                            ps -> {
                                ps.setString(1, nodeId);
                                ps.setObject(2, Sql.utc(liveSince()));
                            },
                            rs -> Boolean.TRUE)
                    .isPresent();
        } catch (SQLException e) {
            throw new StoreException("cannot read whether node " + shortId(nodeId) + " is alive: " + e.getMessage(), e);
        }
    }

    /** Writes the heartbeat now; the background thread calls it every {@link #HEARTBEAT_EVERY}. */
    public void beat() {
        try (Connection c = db.dataSource().getConnection()) {
            Sql.update(c, "UPDATE bridle_node SET heartbeat_at = ? WHERE node_id = ?", ps -> {
                ps.setObject(1, now());
                ps.setString(2, id);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot write the heartbeat of node " + shortId(id) + ": " + e.getMessage(), e);
        }
    }

    private void register(ConfigFingerprint config) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Sql.first(c, "SELECT id FROM bridle_node_lock WHERE id = 1 FOR UPDATE", Sql.NO_VALUES, rs -> 1)
                        .orElseThrow(
                                () -> new SQLException("the row of bridle_node_lock is missing (see V12__nodes.sql)"));
                if (db.dialect() == Dialect.H2) {
                    Sql.update(
                            c,
                            "UPDATE bridle_node SET stopped_at = ? WHERE stopped_at IS NULL",
                            ps -> ps.setObject(1, now()));
                }
                for (LiveNode other : live(c)) {
                    if (!other.config().hash().equals(config.hash())) {
                        throw new NodeMismatchException(mismatch(other, config));
                    }
                }
                Sql.update(c, INSERT, ps -> {
                    ps.setString(1, id);
                    ps.setString(2, host);
                    ps.setLong(3, ProcessHandle.current().pid());
                    ps.setObject(4, now());
                    ps.setObject(5, now());
                    ps.setString(6, config.hash());
                    ps.setString(7, config.text());
                });
                Sql.update(
                        c,
                        "DELETE FROM bridle_node WHERE heartbeat_at < ?",
                        ps -> ps.setObject(1, Sql.utc(clock.instant().minus(FORGET_AFTER))));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record this node in the store: " + e.getMessage(), e);
        }
        log.info(
                "node {} joined the store (host {}, pid {})",
                shortId(id),
                host,
                ProcessHandle.current().pid());
    }

    private List<LiveNode> live(Connection c) throws SQLException {
        return Sql.list(
                c,
                LIVE,
                ps -> ps.setObject(1, Sql.utc(liveSince())),
                rs -> new LiveNode(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        new ConfigFingerprint(rs.getString(6), rs.getString(5))));
    }

    private String mismatch(LiveNode other, ConfigFingerprint mine) {
        long ago =
                Math.max(0, Duration.between(other.heartbeat(), clock.instant()).toSeconds());
        List<String> sections = mine.differingSections(other.config());
        return "refusing to start: node " + shortId(other.id()) + " (host " + other.host() + ", pid " + other.pid()
                + ", last heartbeat " + ago + " s ago) runs a different configuration on this store; "
                + (sections.isEmpty()
                        ? "its canonical form differs"
                        : "sections that differ: " + String.join(", ", sections))
                + ". Every node on one store must run the same configuration (only store and scheduler may differ): "
                + "stop that node, or give this one the same configuration (docs/multi-node.md)";
    }

    private void startHeartbeat() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridle-node-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = HEARTBEAT_EVERY.toMillis();
        timer.scheduleAtFixedRate(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void beatQuietly() {
        try {
            beat();
            if (beating.compareAndSet(false, true)) {
                log.info("node {} writes its heartbeat again", shortId(id));
            }
        } catch (RuntimeException e) {
            if (beating.compareAndSet(true, false)) {
                // once per outage; after LAPSES_AFTER the other nodes take over what this one holds
                log.warn("{}; trying again every {} s", e.getMessage(), HEARTBEAT_EVERY.toSeconds());
            }
        }
    }

    /** Stops the heartbeat and marks this node stopped: what it held may be taken over at once. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        try (Connection c = db.dataSource().getConnection()) {
            Sql.update(c, "UPDATE bridle_node SET stopped_at = ? WHERE node_id = ?", ps -> {
                ps.setObject(1, now());
                ps.setString(2, id);
            });
        } catch (SQLException | RuntimeException e) {
            log.warn(
                    "could not mark node {} stopped: {}; the others take over what it held once its heartbeat lapses",
                    shortId(id),
                    e.getMessage());
        }
    }

    /** The first eight characters of a node id: enough to tell nodes apart in messages. */
    public static String shortId(String nodeId) {
        return nodeId == null ? "(none)" : nodeId.substring(0, Math.min(8, nodeId.length()));
    }

    private OffsetDateTime now() {
        return Sql.utc(clock.instant());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private record LiveNode(String id, String host, long pid, Instant heartbeat, ConfigFingerprint config) {}
}
