package dev.bridle.consent;

import dev.bridle.store.Database;
import dev.bridle.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code consent_events} table: append and read, nothing else. */
final class JdbcConsentStore {

    private static final String COLUMNS = "event_id, subject_id, operator, account, scopes, event, occurred_at, expires_at, "
            + "interaction_id, refers_to, channel, inbound_id, inbound_text, reference, notice_version, notice_sha256, "
            + "policy_version, jurisdiction, language";
    private static final String INSERT = "INSERT INTO consent_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HISTORY = "SELECT seq, " + COLUMNS + " FROM consent_events WHERE subject_id = ? AND operator = ? ORDER BY seq";

    private final Database db;

    JdbcConsentStore(Database db) {
        this.db = db;
    }

    /**
     * Appends {@code event} (its seq is ignored), commits, and forces it to disk before returning.
     *
     * @return the event with the seq the store gave it
     */
    ConsentEvent append(ConsentEvent e) {
        try (Connection c = db.dataSource().getConnection()) {
            long seq;
            try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"seq"})) {
                ps.setObject(1, e.eventId());
                ps.setString(2, e.subjectId());
                ps.setString(3, e.operator());
                ps.setString(4, e.account());
                ps.setString(5, ConsentScope.toList(e.scopes()));
                ps.setString(6, e.type().name());
                ps.setObject(7, time(e.at()));
                setTime(ps, 8, e.expiresAt());
                ps.setString(9, e.interactionId());
                ps.setObject(10, e.refersTo());
                ps.setString(11, e.evidence().channel().name());
                ps.setString(12, e.evidence().inboundId());
                ps.setString(13, e.evidence().inboundText());
                ps.setString(14, e.evidence().reference());
                ps.setString(15, e.notice() == null ? null : e.notice().version());
                ps.setString(16, e.notice() == null ? null : e.notice().sha256());
                ps.setString(17, e.policyVersion());
                ps.setString(18, e.jurisdiction());
                ps.setString(19, e.language());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no seq for the new consent event");
                    }
                    seq = keys.getLong(1);
                }
            }
            db.forceToDisk(c);
            return new ConsentEvent(seq, e.eventId(), e.subjectId(), e.operator(), e.account(), e.scopes(), e.type(),
                    e.at(), e.expiresAt(), e.interactionId(), e.refersTo(), e.evidence(), e.notice(), e.policyVersion(),
                    e.jurisdiction(), e.language());
        } catch (SQLException ex) {
            throw new StoreException("cannot record consent event " + e.type() + " of user " + e.subjectId() + " in "
                    + db.url() + ": " + ex.getMessage(), ex);
        }
    }

    /** Every event of {@code subjectId} with {@code operator}, oldest first. */
    List<ConsentEvent> history(String subjectId, String operator) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(HISTORY)) {
            ps.setString(1, subjectId);
            ps.setString(2, operator);
            List<ConsentEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
            return events;
        } catch (SQLException ex) {
            throw new StoreException("cannot read the consent history of user " + subjectId + " from " + db.url() + ": "
                    + ex.getMessage(), ex);
        }
    }

    private static ConsentEvent read(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        Evidence evidence = new Evidence(Channel.valueOf(channel), rs.getString("inbound_id"), rs.getString("inbound_text"),
                rs.getString("reference"));
        String noticeVersion = rs.getString("notice_version");
        NoticeRef notice = noticeVersion == null ? null : new NoticeRef(noticeVersion, rs.getString("notice_sha256"));
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new ConsentEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class), rs.getString("subject_id"),
                rs.getString("operator"), rs.getString("account"), ConsentScope.parseList(rs.getString("scopes")),
                ConsentEventType.valueOf(rs.getString("event")), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                expires == null ? null : expires.toInstant(), rs.getString("interaction_id"), rs.getObject("refers_to", UUID.class),
                evidence, notice, rs.getString("policy_version"), rs.getString("jurisdiction"), rs.getString("language"));
    }

    static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static void setTime(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, time(at));
        }
    }
}
