package dev.bridle.internal.optout;

import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.EventTable;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code optout_events} and {@code optout_notices} tables. */
final class JdbcOptOutStore {

    private static final String COLUMNS =
            "event_id, subject_id, operator, account, event, occurred_at, channel, inbound_id, "
                    + "inbound_text, rule, language, keywords_version, reference";
    private static final String CLAIM =
            "INSERT INTO optout_notices (subject_id, operator, account, since_seq, event_id, kind, claimed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Database db;
    private final EventTable<OptOutEvent> events;

    JdbcOptOutStore(Database db) {
        this.db = db;
        this.events = new EventTable<>(db, "optout_events", COLUMNS, JdbcOptOutStore::read);
    }

    /**
     * Forgets the text of the inbound messages {@code ids} (deleted on the platform); returns how many events lost it.
     */
    Set<String> mentionIdsWithText() {
        return events.inboundIdsWithText(Channel.MENTION.name());
    }

    int forgetInboundText(Collection<String> ids) {
        return events.forgetInboundText(ids);
    }

    /** Appends {@code e} (its seq ignored), commits and forces it to disk; returns it with its seq. */
    OptOutEvent append(OptOutEvent e) {
        long seq = events.append("record " + e.type() + " of user " + e.subjectId(), ps -> {
            ps.setObject(1, e.eventId());
            ps.setString(2, e.subjectId());
            ps.setString(3, e.operator());
            ps.setString(4, e.account());
            ps.setString(5, e.type().name());
            ps.setObject(6, Sql.utc(e.at()));
            ps.setString(7, e.evidence().channel().name());
            ps.setString(8, e.evidence().inboundId());
            ps.setString(9, e.evidence().inboundText());
            ps.setString(10, e.trigger().rule());
            ps.setString(11, e.trigger().language());
            ps.setString(12, e.trigger().keywordsVersion());
            ps.setString(13, e.evidence().reference());
        });
        return new OptOutEvent(
                seq,
                e.eventId(),
                e.subjectId(),
                e.operator(),
                e.account(),
                e.type(),
                e.at(),
                e.evidence(),
                e.trigger());
    }

    /** Every event of {@code subjectId} with {@code operator}, oldest first. */
    List<OptOutEvent> history(String subjectId, String operator) {
        return events.history(subjectId, operator, "read the opt-outs of user " + subjectId);
    }

    /**
     * Claims the one notice of a suppression episode; false if it was claimed before. The claim is durable before this
     * returns, so a crash after it never leads to a second notice.
     */
    boolean claimNotice(OptOutEvent event, long episode, NoticeKind kind, Instant at) {
        try (Connection c = db.dataSource().getConnection()) {
            boolean claimed = Sql.insertIfAbsent(c, CLAIM, ps -> {
                ps.setString(1, event.subjectId());
                ps.setString(2, event.operator());
                ps.setString(3, event.account());
                ps.setLong(4, episode);
                ps.setObject(5, event.eventId());
                ps.setString(6, kind.name());
                ps.setObject(7, Sql.utc(at));
            });
            if (!claimed) {
                return false;
            }
            db.forceToDisk(c);
            return true;
        } catch (SQLException ex) {
            throw new StoreException(
                    "cannot claim the " + kind + " of user " + event.subjectId() + " in " + db.url() + ": "
                            + ex.getMessage(),
                    ex);
        }
    }

    private static OptOutEvent read(ResultSet rs) throws SQLException {
        Evidence evidence = new Evidence(
                Channel.valueOf(rs.getString("channel")),
                rs.getString("inbound_id"),
                rs.getString("inbound_text"),
                rs.getString("reference"));
        return new OptOutEvent(
                rs.getLong("seq"),
                rs.getObject("event_id", UUID.class),
                rs.getString("subject_id"),
                rs.getString("operator"),
                rs.getString("account"),
                OptOutEventType.valueOf(rs.getString("event")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                evidence,
                new Trigger(rs.getString("rule"), rs.getString("language"), rs.getString("keywords_version")));
    }
}
