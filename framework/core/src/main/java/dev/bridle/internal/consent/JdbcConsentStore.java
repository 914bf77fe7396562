package dev.bridle.internal.consent;

import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.EventTable;
import dev.bridle.internal.store.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The {@code consent_events} table: append and read, nothing else. */
final class JdbcConsentStore {

    private static final String COLUMNS =
            "event_id, subject_id, operator, account, scopes, event, occurred_at, expires_at, "
                    + "interaction_id, refers_to, channel, inbound_id, inbound_text, reference, notice_version, notice_sha256, "
                    + "policy_version, jurisdiction, language";

    private final EventTable<ConsentEvent> events;

    JdbcConsentStore(Database db) {
        this.events = new EventTable<>(db, "consent_events", COLUMNS, JdbcConsentStore::read);
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

    /**
     * Appends {@code event} (its seq is ignored), commits, and forces it to disk before returning.
     *
     * @return the event with the seq the store gave it
     */
    ConsentEvent append(ConsentEvent e) {
        long seq = events.append("record consent event " + e.type() + " of user " + e.subjectId(), ps -> {
            ps.setObject(1, e.eventId());
            ps.setString(2, e.subjectId());
            ps.setString(3, e.operator());
            ps.setString(4, e.account());
            ps.setString(5, ConsentScope.toList(e.scopes()));
            ps.setString(6, e.type().name());
            ps.setObject(7, Sql.utc(e.at()));
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
        });
        return new ConsentEvent(
                seq,
                e.eventId(),
                e.subjectId(),
                e.operator(),
                e.account(),
                e.scopes(),
                e.type(),
                e.at(),
                e.expiresAt(),
                e.interactionId(),
                e.refersTo(),
                e.evidence(),
                e.notice(),
                e.policyVersion(),
                e.jurisdiction(),
                e.language());
    }

    /** Every event of {@code subjectId} with {@code operator}, oldest first. */
    List<ConsentEvent> history(String subjectId, String operator) {
        return events.history(subjectId, operator, "read the consent history of user " + subjectId);
    }

    private static ConsentEvent read(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        Evidence evidence = new Evidence(
                Channel.valueOf(channel),
                rs.getString("inbound_id"),
                rs.getString("inbound_text"),
                rs.getString("reference"));
        String noticeVersion = rs.getString("notice_version");
        NoticeRef notice = noticeVersion == null ? null : new NoticeRef(noticeVersion, rs.getString("notice_sha256"));
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new ConsentEvent(
                rs.getLong("seq"),
                rs.getObject("event_id", UUID.class),
                rs.getString("subject_id"),
                rs.getString("operator"),
                rs.getString("account"),
                ConsentScope.parseList(rs.getString("scopes")),
                ConsentEventType.valueOf(rs.getString("event")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                expires == null ? null : expires.toInstant(),
                rs.getString("interaction_id"),
                rs.getObject("refers_to", UUID.class),
                evidence,
                notice,
                rs.getString("policy_version"),
                rs.getString("jurisdiction"),
                rs.getString("language"));
    }

    private static void setTime(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, Sql.utc(at));
        }
    }
}
