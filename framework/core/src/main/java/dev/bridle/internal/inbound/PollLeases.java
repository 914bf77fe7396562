package dev.bridle.internal.inbound;

import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node polls an account's mentions, and which its direct messages ({@code inbound_lease}): one at a time, so the
 * platform's read limits are spent once however many nodes run.
 *
 * <p>A poller {@link #hold holds} the lease before each read: it renews its own, or takes over one that has expired
 * ({@link #ttl}, a few polling intervals) or whose node is no longer alive ({@link NodeRegistry}); otherwise another
 * node polls and this one skips the round. One conditional {@code UPDATE} a round, an {@code INSERT} the first time.
 * {@link #releaseAll} at shutdown lets another node take over at its next round.
 */
public final class PollLeases {

    /** The shortest lease: long enough for a slow read, and for clocks a few seconds apart. */
    static final Duration MIN_TTL = Duration.ofSeconds(30);

    /** A lease lasts this many polling intervals, so one late round does not lose it. */
    static final int INTERVALS_PER_LEASE = 3;

    private static final Logger log = LoggerFactory.getLogger(PollLeases.class);

    private static final String RENEW =
            "UPDATE inbound_lease SET node_id = ?, expires_at = ? WHERE account = ? AND kind = ? "
                    + "AND (node_id = ? OR expires_at <= ? OR NOT "
                    + NodeRegistry.aliveCondition("inbound_lease.node_id") + ")";
    private static final String INSERT =
            "INSERT INTO inbound_lease (account, kind, node_id, expires_at) VALUES (?, ?, ?, ?)";

    private final Database db;
    private final Clock clock;
    private final NodeRegistry node;
    private final Map<InboundEvent.Kind, Duration> ttl;
    /** The leases this node held at its last look, to log when one changes hands. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /**
     * @param every how often each kind is polled; a lease lasts {@value #INTERVALS_PER_LEASE} intervals, at least
     *     {@link #MIN_TTL}
     */
    public PollLeases(Database db, Clock clock, NodeRegistry node, Map<InboundEvent.Kind, Duration> every) {
        this.db = db;
        this.clock = clock;
        this.node = node;
        Map<InboundEvent.Kind, Duration> ttl = new java.util.EnumMap<>(InboundEvent.Kind.class);
        every.forEach((kind, interval) -> ttl.put(kind, max(interval.multipliedBy(INTERVALS_PER_LEASE), MIN_TTL)));
        this.ttl = Map.copyOf(ttl);
    }

    /** How long a lease of {@code kind} lasts unless renewed. */
    public Duration ttl(InboundEvent.Kind kind) {
        return ttl.getOrDefault(kind, MIN_TTL);
    }

    /**
     * Whether this node polls {@code account}'s messages of {@code kind} this round: it holds, renewed or took the
     * lease.
     */
    public boolean hold(String account, InboundEvent.Kind kind) {
        var now = clock.instant();
        var until = Sql.utc(now.plus(ttl(kind)));
        boolean holds;
        try (Connection c = db.dataSource().getConnection()) {
            holds = Sql.update(c, RENEW, ps -> {
                                ps.setString(1, node.id());
                                ps.setObject(2, until);
                                ps.setString(3, account);
                                ps.setString(4, kind.name());
                                ps.setString(5, node.id());
                                ps.setObject(6, Sql.utc(now));
                                ps.setObject(7, Sql.utc(node.liveSince()));
                            })
                            == 1
                    || Sql.insertIfAbsent(c, INSERT, ps -> {
                        ps.setString(1, account);
                        ps.setString(2, kind.name());
                        ps.setString(3, node.id());
                        ps.setObject(4, until);
                    });
        } catch (SQLException e) {
            throw new StoreException("cannot take the polling lease of @" + account + ": " + e.getMessage(), e);
        }
        String key = account + ' ' + kind;
        if (holds && held.add(key)) {
            log.info("node {} polls the {}s of @{}", NodeRegistry.shortId(node.id()), label(kind), account);
        } else if (!holds && held.remove(key)) {
            log.info(
                    "node {} no longer polls the {}s of @{}: another node took the lease",
                    NodeRegistry.shortId(node.id()),
                    label(kind),
                    account);
        }
        return holds;
    }

    /** Gives up every lease this node holds, so another node takes them at its next round. */
    public void releaseAll() {
        try (Connection c = db.dataSource().getConnection()) {
            Sql.update(c, "DELETE FROM inbound_lease WHERE node_id = ?", ps -> ps.setString(1, node.id()));
            held.clear();
        } catch (SQLException e) {
            log.warn(
                    "could not give up the polling leases of node {}: {}; they lapse by themselves",
                    NodeRegistry.shortId(node.id()),
                    e.getMessage());
        }
    }

    private static String label(InboundEvent.Kind kind) {
        return kind == InboundEvent.Kind.MENTION ? "mention" : "direct message";
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
