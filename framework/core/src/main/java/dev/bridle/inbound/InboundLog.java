package dev.bridle.inbound;

import dev.bridle.store.Database;
import dev.bridle.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What inbound messages were handled ({@code inbound_seen}) and where polling left off
 * ({@code inbound_cursor}). Claiming a message is an insert under its primary key, so two
 * deliveries of one message (poll and webhook, two nodes) are handled once.
 */
public final class InboundLog {

    private static final String CLAIM =
            "INSERT INTO inbound_seen (account, kind, message_id, author_id, received_at) VALUES (?, ?, ?, ?, ?)";
    private static final String READ_CURSOR = "SELECT since_id FROM inbound_cursor WHERE account = ? AND kind = ?";
    private static final String UPDATE_CURSOR =
            "UPDATE inbound_cursor SET since_id = ?, updated_at = ? WHERE account = ? AND kind = ?";
    private static final String INSERT_CURSOR =
            "INSERT INTO inbound_cursor (account, kind, since_id, updated_at) VALUES (?, ?, ?, ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final Clock clock;

    public InboundLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Claims {@code event} for handling; false if it was handled before. */
    public boolean claim(InboundEvent event) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, event.account().handle());
            ps.setString(2, event.kind().name());
            ps.setString(3, event.id());
            ps.setString(4, event.author().id());
            ps.setObject(5, now());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StoreException("cannot record inbound " + event.kind() + " " + event.id() + ": " + e.getMessage(), e);
        }
    }

    /** The newest id handled for {@code account} and {@code kind}, if any. */
    public Optional<String> cursor(String account, InboundEvent.Kind kind) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(READ_CURSOR)) {
            ps.setString(1, account);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the inbound cursor of @" + account + ": " + e.getMessage(), e);
        }
    }

    /** Moves the cursor to {@code sinceId}. */
    public void advance(String account, InboundEvent.Kind kind, String sinceId) {
        try (Connection c = db.dataSource().getConnection()) {
            if (updateCursor(c, account, kind, sinceId) == 0 && !insertCursor(c, account, kind, sinceId)) {
                updateCursor(c, account, kind, sinceId);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot move the inbound cursor of @" + account + ": " + e.getMessage(), e);
        }
    }

    private int updateCursor(Connection c, String account, InboundEvent.Kind kind, String sinceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_CURSOR)) {
            ps.setString(1, sinceId);
            ps.setObject(2, now());
            ps.setString(3, account);
            ps.setString(4, kind.name());
            return ps.executeUpdate();
        }
    }

    /** Inserts the cursor row; false if another writer inserted it first. */
    private boolean insertCursor(Connection c, String account, InboundEvent.Kind kind, String sinceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CURSOR)) {
            ps.setString(1, account);
            ps.setString(2, kind.name());
            ps.setString(3, sinceId);
            ps.setObject(4, now());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
