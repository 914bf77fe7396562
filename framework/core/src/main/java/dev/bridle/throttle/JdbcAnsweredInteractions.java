package dev.bridle.throttle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Durable {@link AnsweredInteractions} in the table {@code throttle_answered_interaction}
 * (migration {@code V5__throttle.sql}; H2 and PostgreSQL alike). The inbound id is the primary
 * key, so the database decides which of two concurrent claims wins, on one node or many.
 */
public final class JdbcAnsweredInteractions implements AnsweredInteractions {

    /** SQLSTATE for a unique-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT = "INSERT INTO throttle_answered_interaction (inbound_id, request_id, account, claimed_at) VALUES (?, ?, ?, ?)";
    private static final String HOLDER = "SELECT request_id FROM throttle_answered_interaction WHERE inbound_id = ?";
    private static final String DELETE = "DELETE FROM throttle_answered_interaction WHERE inbound_id = ? AND request_id = ?";

    private final DataSource dataSource;

    public JdbcAnsweredInteractions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean claim(String inboundId, UUID requestId, String account, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, inboundId);
                s.setObject(2, requestId);
                s.setString(3, ThrottleSettings.handleKey(account));
                s.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            try (PreparedStatement s = c.prepareStatement(HOLDER)) {
                s.setString(1, inboundId);
                try (ResultSet rs = s.executeQuery()) {
                    // Gone already (unclaimed in between): the other request gave up, but it held
                    // the claim when we tried, so we do not answer; the bot may try again.
                    return rs.next() && requestId.equals(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim the answer to inbound " + inboundId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void unclaim(String inboundId, UUID requestId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, inboundId);
            s.setObject(2, requestId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not give up the claim on inbound " + inboundId + ": " + e.getMessage(), e);
        }
    }
}
