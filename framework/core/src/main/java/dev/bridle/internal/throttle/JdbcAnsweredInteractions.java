package dev.bridle.internal.throttle;

import dev.bridle.internal.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Durable {@link AnsweredInteractions} in the table {@code throttle_answered_interaction} (migration
 * {@code V5__throttle.sql}; H2 and PostgreSQL alike). The inbound id is the primary key, so the database decides which
 * of two concurrent claims wins, on one node or many.
 */
public final class JdbcAnsweredInteractions implements AnsweredInteractions {

    private static final String INSERT =
            "INSERT INTO throttle_answered_interaction (inbound_id, request_id, account, claimed_at) VALUES (?, ?, ?, ?)";
    private static final String HOLDER = "SELECT request_id FROM throttle_answered_interaction WHERE inbound_id = ?";
    private static final String DELETE =
            "DELETE FROM throttle_answered_interaction WHERE inbound_id = ? AND request_id = ?";

    private final DataSource dataSource;

    public JdbcAnsweredInteractions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean claim(String inboundId, UUID requestId, String account, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            boolean claimed = Sql.insertIfAbsent(c, INSERT, s -> {
                s.setString(1, inboundId);
                s.setObject(2, requestId);
                s.setString(3, ThrottleSettings.handleKey(account));
                s.setObject(4, Sql.utc(at));
            });
            // Gone already (unclaimed in between): the other request gave up, but it held the
            // claim when we tried, so we do not answer; the bot may try again.
            return claimed
                    || Sql.first(c, HOLDER, s -> s.setString(1, inboundId), rs -> rs.getObject(1, UUID.class))
                            .map(requestId::equals)
                            .orElse(false);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not claim the answer to inbound " + inboundId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void unclaim(String inboundId, UUID requestId) {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, DELETE, s -> {
                s.setString(1, inboundId);
                s.setObject(2, requestId);
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not give up the claim on inbound " + inboundId + ": " + e.getMessage(), e);
        }
    }
}
