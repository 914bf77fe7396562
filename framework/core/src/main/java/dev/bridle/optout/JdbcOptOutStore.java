package dev.bridle.optout;

import dev.bridle.consent.Channel;
import dev.bridle.consent.Evidence;
import dev.bridle.store.Database;
import dev.bridle.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code optout_events} and {@code optout_notices} tables. */
final class JdbcOptOutStore {

    private static final String COLUMNS = "event_id, subject_id, operator, account, event, occurred_at, channel, inbound_id, "
            + "inbound_text, rule, language, keywords_version, reference";
    private static final String INSERT = "INSERT INTO optout_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HISTORY = "SELECT seq, " + COLUMNS + " FROM optout_events WHERE subject_id = ? AND operator = ? ORDER BY seq";
    private static final String CLAIM = "INSERT INTO optout_notices (subject_id, operator, account, since_seq, event_id, kind, claimed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;

    JdbcOptOutStore(Database db) {
        this.db = db;
    }

    /** Appends {@code e} (its seq ignored), commits and forces it to disk; returns it with its seq. */
    OptOutEvent append(OptOutEvent e) {
        try (Connection c = db.dataSource().getConnection()) {
            long seq;
            try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"seq"})) {
                ps.setObject(1, e.eventId());
                ps.setString(2, e.subjectId());
                ps.setString(3, e.operator());
                ps.setString(4, e.account());
                ps.setString(5, e.type().name());
                ps.setObject(6, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                ps.setString(7, e.evidence().channel().name());
                ps.setString(8, e.evidence().inboundId());
                ps.setString(9, e.evidence().inboundText());
                ps.setString(10, e.trigger().rule());
                ps.setString(11, e.trigger().language());
                ps.setString(12, e.trigger().keywordsVersion());
                ps.setString(13, e.evidence().reference());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no seq for the new opt-out event");
                    }
                    seq = keys.getLong(1);
                }
            }
            db.forceToDisk(c);
            return new OptOutEvent(seq, e.eventId(), e.subjectId(), e.operator(), e.account(), e.type(), e.at(), e.evidence(),
                    e.trigger());
        } catch (SQLException ex) {
            throw new StoreException("cannot record " + e.type() + " of user " + e.subjectId() + " in " + db.url() + ": "
                    + ex.getMessage(), ex);
        }
    }

    /** Every event of {@code subjectId} with {@code operator}, oldest first. */
    List<OptOutEvent> history(String subjectId, String operator) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(HISTORY)) {
            ps.setString(1, subjectId);
            ps.setString(2, operator);
            List<OptOutEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
            return events;
        } catch (SQLException ex) {
            throw new StoreException("cannot read the opt-outs of user " + subjectId + " from " + db.url() + ": "
                    + ex.getMessage(), ex);
        }
    }

    /**
     * Claims the one notice of a suppression episode; false if it was claimed before. The claim
     * is durable before this returns, so a crash after it never leads to a second notice.
     */
    boolean claimNotice(OptOutEvent event, long episode, NoticeKind kind, Instant at) {
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setString(1, event.subjectId());
                ps.setString(2, event.operator());
                ps.setString(3, event.account());
                ps.setLong(4, episode);
                ps.setObject(5, event.eventId());
                ps.setString(6, kind.name());
                ps.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
            db.forceToDisk(c);
            return true;
        } catch (SQLException ex) {
            throw new StoreException("cannot claim the " + kind + " of user " + event.subjectId() + " in " + db.url() + ": "
                    + ex.getMessage(), ex);
        }
    }

    private static OptOutEvent read(ResultSet rs) throws SQLException {
        Evidence evidence = new Evidence(Channel.valueOf(rs.getString("channel")), rs.getString("inbound_id"),
                rs.getString("inbound_text"), rs.getString("reference"));
        return new OptOutEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class), rs.getString("subject_id"),
                rs.getString("operator"), rs.getString("account"), OptOutEventType.valueOf(rs.getString("event")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), evidence,
                new Trigger(rs.getString("rule"), rs.getString("language"), rs.getString("keywords_version")));
    }
}
