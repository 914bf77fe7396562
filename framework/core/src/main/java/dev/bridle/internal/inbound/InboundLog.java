package dev.bridle.internal.inbound;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.store.Upsert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where polling left off ({@code inbound_cursor}): per account and kind, the newest message id up to which every
 * message is settled (handled, or recorded as failed for good). The poller moves it only past settled messages, so one
 * that was claimed but not handled (its node died, its step failed and will be tried again) is read again. Claims are
 * {@link InboundClaims}.
 */
public final class InboundLog {

    private static final String READ_CURSOR = "SELECT since_id FROM inbound_cursor WHERE account = ? AND kind = ?";
    private static final Upsert MOVE_CURSOR =
            Upsert.of("inbound_cursor", List.of("account", "kind"), List.of("since_id", "updated_at"));

    private final Database db;
    private final Clock clock;

    public InboundLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The newest id settled for {@code account} and {@code kind}, if any. */
    public Optional<String> cursor(String account, InboundEvent.Kind kind) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                    c,
                    READ_CURSOR,
                    ps -> {
                        ps.setString(1, account);
                        ps.setString(2, kind.name());
                    },
                    rs -> rs.getString(1));
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
