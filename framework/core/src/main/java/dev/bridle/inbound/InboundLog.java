package dev.bridle.inbound;

import dev.bridle.store.Database;
import dev.bridle.store.Sql;
import dev.bridle.store.StoreException;
import dev.bridle.store.Upsert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
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
    private static final Upsert MOVE_CURSOR =
            Upsert.of("inbound_cursor", List.of("account", "kind"), List.of("since_id", "updated_at"));

    private final Database db;
    private final Clock clock;

    public InboundLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Claims {@code event} for handling; false if it was handled before. */
    public boolean claim(InboundEvent event) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.insertIfAbsent(c, CLAIM, ps -> {
                ps.setString(1, event.account().handle());
                ps.setString(2, event.kind().name());
                ps.setString(3, event.id());
                ps.setString(4, event.author().id());
                ps.setObject(5, now());
            });
        } catch (SQLException e) {
            throw new StoreException("cannot record inbound " + event.kind() + " " + event.id() + ": " + e.getMessage(), e);
        }
    }

    /** The newest id handled for {@code account} and {@code kind}, if any. */
    public Optional<String> cursor(String account, InboundEvent.Kind kind) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(c, READ_CURSOR, ps -> {
                ps.setString(1, account);
                ps.setString(2, kind.name());
            }, rs -> rs.getString(1));
        } catch (SQLException e) {
            throw new StoreException("cannot read the inbound cursor of @" + account + ": " + e.getMessage(), e);
        }
    }

    /** Moves the cursor to {@code sinceId}. */
    public void advance(String account, InboundEvent.Kind kind, String sinceId) {
        try (Connection c = db.dataSource().getConnection()) {
            MOVE_CURSOR.write(c, List.of(account, kind.name()), List.of(sinceId, now()));
        } catch (SQLException e) {
            throw new StoreException("cannot move the inbound cursor of @" + account + ": " + e.getMessage(), e);
        }
    }

    private OffsetDateTime now() {
        return Sql.utc(clock.instant());
    }
}
