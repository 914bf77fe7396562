package dev.bridle.internal.dedupe;

import dev.bridle.internal.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PostFingerprintStore} over JDBC, on the tables of {@code V4__dedupe.sql}; the same SQL runs on H2 2.3 and
 * PostgreSQL 15.
 *
 * <p>A reservation is one transaction: insert the post row, then the claim row under a savepoint. If the claim's key is
 * taken (SQL state 23505; a concurrent transaction holding it makes the insert wait for its outcome first), a
 * conditional {@code UPDATE} takes it over when it has expired, or when the same account may repeat itself; otherwise
 * the transaction rolls back and the holder is returned. Lock timeouts, deadlocks and serialization failures are
 * retried.
 *
 * <p>A store {@linkplain #JdbcPostFingerprintStore(DataSource, boolean) shared} by several nodes also makes
 * near-duplicates atomic across them: each reservation's transaction first locks the one row of {@code dedupe_lock},
 * reads the posts reserved since this store last looked (by {@code seq}, which grows in commit order because every
 * insert happens under that lock), hands them to the caller and asks its admission check, then inserts and commits.
 * Reservations of all nodes therefore take turns; at the platform's posting rates the wait is short.
 *
 * <p>On a shared store a release takes the same lock, deletes the rows and records the release in
 * {@code dedupe_release} ({@code V12__nodes.sql}), whose {@code seq} grows in commit order too. A reservation reads the
 * releases since it last looked together with the posts, in one query, releases first: a node that copied another
 * node's reservation forgets it once released, and a request released on one node and reserved again on another (a
 * deferred action keeps its id) counts again everywhere.
 */
public final class JdbcPostFingerprintStore implements PostFingerprintStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcPostFingerprintStore.class);

    private static final int ATTEMPTS = 4;
    private static final int FETCH_SIZE = 1000;
    /** Lock timeout (H2), concurrent update (H2), serialization failure and deadlock (both). */
    private static final Set<String> RETRYABLE = Set.of("HYT00", "90131", "40001", "40P01");

    private static final String INSERT_POST = "INSERT INTO dedupe_post "
            + "(request_id, account, channel, exact_hash, fingerprint, reserved_at, state, platform_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CLAIM =
            "INSERT INTO dedupe_claim (channel, exact_hash, request_id, account, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)";
    private static final String TAKE_OVER = "UPDATE dedupe_claim SET request_id = ?, account = ?, expires_at = ? "
            + "WHERE channel = ? AND exact_hash = ? AND expires_at <= ?";
    private static final String TAKE_OVER_OR_REPEAT =
            "UPDATE dedupe_claim SET request_id = ?, account = ?, expires_at = ? "
                    + "WHERE channel = ? AND exact_hash = ? AND (expires_at <= ? OR account = ?)";
    private static final String HOLDER = "SELECT c.request_id, c.account, p.reserved_at, p.platform_id "
            + "FROM dedupe_claim c LEFT JOIN dedupe_post p ON p.request_id = c.request_id WHERE c.channel = ? AND c.exact_hash = ?";
    private static final String COLUMNS = "request_id, account, channel, fingerprint, reserved_at, platform_id";
    /** Releases first (released = 1), then posts, each in commit order; a release has only its request id. */
    private static final String PEERS = "SELECT " + COLUMNS + ", seq, 0 AS released FROM dedupe_post WHERE seq > ? "
            + "UNION ALL SELECT request_id, NULL, NULL, NULL, reserved_at, NULL, seq, 1 FROM dedupe_release WHERE seq > ? "
            + "ORDER BY released DESC, seq";

    private static final String RECORD_RELEASE = "INSERT INTO dedupe_release (request_id, reserved_at) "
            + "SELECT request_id, reserved_at FROM dedupe_post WHERE request_id = ?";

    private final DataSource dataSource;
    private final boolean shared;
    /** The highest {@code seq} handed to a caller, by a reservation or by {@link #forEachSince}. */
    private final AtomicLong peersSeen = new AtomicLong();
    /** The same for {@code dedupe_release}. */
    private final AtomicLong releasesSeen = new AtomicLong();

    /** A store on {@code dataSource} that only this process uses; the schema includes {@code V4__dedupe.sql}. */
    public JdbcPostFingerprintStore(DataSource dataSource) {
        this(dataSource, false);
    }

    /**
     * A store on {@code dataSource}, whose schema includes {@code V10__dedupe_peers.sql}.
     *
     * @param shared whether other processes reserve in the same database (several nodes on one PostgreSQL store): then
     *     every reservation takes the shared lock and reads their posts first
     */
    public JdbcPostFingerprintStore(DataSource dataSource, boolean shared) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.shared = shared;
    }

    @Override
    public Claim reserve(
            StoredPost post, Duration window, boolean accountMayRepeat, Peers peers, BooleanSupplier admission) {
        SQLException last = null;
        Boolean admitted = shared ? null : Boolean.valueOf(admission.getAsBoolean());
        if (Boolean.FALSE.equals(admitted)) {
            return new NotAdmitted();
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (shared) {
                        takeSharedLock(c);
                        readPeers(c, peers);
                    }
                    if (admitted == null) { // asked once, under the lock; a retried attempt keeps the answer
                        admitted = admission.getAsBoolean();
                        if (!admitted) {
                            c.rollback();
                            return new NotAdmitted();
                        }
                    }
                    Optional<Claim> claim = reserveOnce(c, post, window, accountMayRepeat);
                    if (claim.isPresent()) {
                        return claim.get();
                    }
                    // the holder released between our insert and our look: try again
                } catch (SQLException e) {
                    c.rollback();
                    if (!RETRYABLE.contains(e.getSQLState())) {
                        throw e;
                    }
                    last = e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw failure("reserve " + post.requestId(), e);
            }
        }
        throw failure("reserve " + post.requestId() + " after " + ATTEMPTS + " attempts", last);
    }

    private static void takeSharedLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM dedupe_lock WHERE id = 1 FOR UPDATE");
                ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the row of dedupe_lock is missing (see V10__dedupe_peers.sql)");
            }
        }
    }

    /**
     * Hands {@code peers} every release and then every post since the last ones seen, each in commit order. Releases go
     * first: the posts read are the rows still there, so a request released and reserved again since the last look ends
     * up held, and one reserved and released ends up forgotten.
     */
    private void readPeers(Connection c, Peers peers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PEERS)) {
            ps.setLong(1, peersSeen.get());
            ps.setLong(2, releasesSeen.get());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(8) == 1) {
                        peers.released(rs.getObject(1, UUID.class));
                        releasesSeen.accumulateAndGet(rs.getLong(7), Math::max);
                        continue;
                    }
                    StoredPost post = post(rs);
                    if (post != null) {
                        peers.reserved(post);
                    }
                    peersSeen.accumulateAndGet(rs.getLong(7), Math::max);
                }
            }
        }
    }

    private Optional<Claim> reserveOnce(Connection c, StoredPost post, Duration window, boolean accountMayRepeat)
            throws SQLException {
        OffsetDateTime at = Sql.utc(post.at());
        OffsetDateTime expires = Sql.utc(post.at().plus(window));
        try (PreparedStatement insert = c.prepareStatement(INSERT_POST)) {
            insert.setObject(1, post.requestId());
            insert.setString(2, post.account());
            insert.setString(3, post.channel().name());
            insert.setLong(4, post.fingerprint().exactHash());
            insert.setBytes(5, post.fingerprint().toBytes());
            insert.setObject(6, at);
            insert.setString(7, post.platformId() == null ? "PENDING" : "SENT");
            insert.setString(8, post.platformId());
            insert.executeUpdate();
        }
        Savepoint beforeClaim = c.setSavepoint();
        try (PreparedStatement claim = c.prepareStatement(INSERT_CLAIM)) {
            claim.setString(1, post.channel().name());
            claim.setLong(2, post.fingerprint().exactHash());
            claim.setObject(3, post.requestId());
            claim.setString(4, post.account());
            claim.setObject(5, expires);
            claim.executeUpdate();
            c.commit();
            return Optional.of(new Claimed());
        } catch (SQLException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(beforeClaim);
        }
        try (PreparedStatement update = c.prepareStatement(accountMayRepeat ? TAKE_OVER_OR_REPEAT : TAKE_OVER)) {
            update.setObject(1, post.requestId());
            update.setString(2, post.account());
            update.setObject(3, expires);
            update.setString(4, post.channel().name());
            update.setLong(5, post.fingerprint().exactHash());
            update.setObject(6, at);
            if (accountMayRepeat) {
                update.setString(7, post.account());
            }
            if (update.executeUpdate() == 1) {
                c.commit();
                return Optional.of(new Claimed());
            }
        }
        Optional<Claim> holder = holder(c, post);
        c.rollback();
        return holder;
    }

    private static Optional<Claim> holder(Connection c, StoredPost post) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(HOLDER)) {
            select.setString(1, post.channel().name());
            select.setLong(2, post.fingerprint().exactHash());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                return Optional.of(new Taken(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        at == null ? null : at.toInstant(),
                        rs.getString(4)));
            }
        }
    }

    @Override
    public void markSent(UUID requestId, String platformId) {
        Objects.requireNonNull(platformId, "platformId");
        update(
                "mark " + requestId + " sent",
                "UPDATE dedupe_post SET state = 'SENT', platform_id = ? WHERE request_id = ?",
                ps -> {
                    ps.setString(1, platformId);
                    ps.setObject(2, requestId);
                });
    }

    @Override
    public void release(UUID requestId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement("DELETE FROM dedupe_claim WHERE request_id = ?");
                    PreparedStatement post = c.prepareStatement("DELETE FROM dedupe_post WHERE request_id = ?")) {
                if (shared) {
                    // in turn with the reservations, so the release's seq is in commit order with theirs
                    takeSharedLock(c);
                    Sql.update(c, RECORD_RELEASE, ps -> ps.setObject(1, requestId));
                }
                claim.setObject(1, requestId);
                claim.executeUpdate();
                post.setObject(1, requestId);
                post.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("release " + requestId, e);
        }
    }

    @Override
    public Optional<StoredPost> find(UUID requestId) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.first(
                    c,
                    "SELECT " + COLUMNS + " FROM dedupe_post WHERE request_id = ?",
                    ps -> ps.setObject(1, requestId),
                    JdbcPostFingerprintStore::post);
        } catch (SQLException e) {
            throw failure("find " + requestId, e);
        }
    }

    @Override
    public void forEachSince(Instant after, Consumer<StoredPost> visitor) {
        try (Connection c = dataSource.getConnection()) {
            // read before the posts: what commits in between is read twice, which the index ignores
            long seen = Sql.first(c, "SELECT COALESCE(MAX(seq), 0) FROM dedupe_post", ps -> {}, rs -> rs.getLong(1))
                    .orElse(0L);
            // releases before now concern rows the read below no longer finds
            long released = Sql.first(
                            c, "SELECT COALESCE(MAX(seq), 0) FROM dedupe_release", ps -> {}, rs -> rs.getLong(1))
                    .orElse(0L);
            // a cursor: PostgreSQL streams only inside a transaction
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM dedupe_post WHERE reserved_at > ? ORDER BY reserved_at")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setObject(1, Sql.utc(after));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredPost post = post(rs);
                        if (post != null) {
                            visitor.accept(post);
                        }
                    }
                }
                c.commit();
                peersSeen.accumulateAndGet(seen, Math::max);
                releasesSeen.accumulateAndGet(released, Math::max);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("read the posts reserved after " + after, e);
        }
    }

    @Override
    public int purge(Instant now, Duration window) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement posts = c.prepareStatement("DELETE FROM dedupe_post WHERE reserved_at <= ?");
                PreparedStatement claims = c.prepareStatement("DELETE FROM dedupe_claim WHERE expires_at <= ?");
                PreparedStatement releases = c.prepareStatement("DELETE FROM dedupe_release WHERE reserved_at <= ?")) {
            posts.setObject(1, Sql.utc(now.minus(window)));
            claims.setObject(1, Sql.utc(now));
            releases.setObject(1, Sql.utc(now.minus(window)));
            return posts.executeUpdate() + claims.executeUpdate() + releases.executeUpdate();
        } catch (SQLException e) {
            throw failure("purge", e);
        }
    }

    /** A row as a post, or null (logged) if its fingerprint is of a version this code does not read. */
    private static StoredPost post(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Fingerprint fingerprint;
        try {
            fingerprint = Fingerprint.fromBytes(rs.getBytes(4));
        } catch (IllegalArgumentException e) {
            log.warn("skipping the stored fingerprint of {}: {}", id, e.getMessage());
            return null;
        }
        return new StoredPost(
                id,
                rs.getString(2),
                Channel.valueOf(rs.getString(3)),
                fingerprint,
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getString(6));
    }

    private void update(String what, String sql, Sql.Binder values) {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, sql, values);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static FingerprintStoreException failure(String what, SQLException e) {
        return new FingerprintStoreException(
                "the fingerprint store could not " + what + ": "
                        + (e == null ? "no reason given" : e.getMessage() + " (SQL state " + e.getSQLState() + ")"),
                e);
    }
}
