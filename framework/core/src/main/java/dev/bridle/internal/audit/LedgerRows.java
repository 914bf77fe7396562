package dev.bridle.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.internal.text.ContentHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger's SQL and the mapping between its rows and {@link LedgerEntry}. */
final class LedgerRows {

    static final String COLUMNS = "seq, recorded_at, request_id, bot, account, action_kind, targets,"
            + " content_hash, event, guard, reason, rule, message, platform_id, error, prev_hash, hash";
    static final String INSERT = "INSERT INTO audit_ledger (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM ledger_head WHERE id = 1 FOR UPDATE";
    static final String READ_HEAD = "SELECT last_seq, last_hash FROM ledger_head WHERE id = 1";
    static final String UPDATE_HEAD = "UPDATE ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1";
    static final String ALL_UP_TO = "SELECT " + COLUMNS + " FROM audit_ledger WHERE seq <= ? ORDER BY seq";
    /**
     * Keeps a read to the chain: rows past the head are in the table but not in the chain (forged, or left by a failed
     * write), and no read but verify's looks at them.
     */
    static final String UP_TO_HEAD = "seq <= (SELECT last_seq FROM ledger_head WHERE id = 1)";

    static final String LAST_N =
            "SELECT " + COLUMNS + " FROM audit_ledger WHERE " + UP_TO_HEAD + " ORDER BY seq DESC LIMIT ?";
    static final String ROW_HASH = "SELECT hash FROM audit_ledger WHERE seq = ?";
    static final String PAST_HEAD = "SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_ledger WHERE seq > ?";
    /**
     * Every row of each request whose latest ALLOWED decision, made since {@code ?}, has no outcome after it (SENT,
     * FAILED, DENIED by the final check, DEFERRED by the platform): the process stopped between that decision and its
     * outcome, or the outcome is in doubt. A request is decided again each time a deferred action runs, so only rows
     * after its latest ALLOWED say where it stands. Uses the request_id index.
     */
    static final String UNSETTLED = "SELECT " + COLUMNS + " FROM audit_ledger WHERE request_id IN ("
            + "SELECT a.request_id FROM audit_ledger a WHERE a.event = 'ALLOWED' AND a.recorded_at >= ?"
            + " AND NOT EXISTS (SELECT 1 FROM audit_ledger o WHERE o.request_id = a.request_id AND o.seq > a.seq"
            + " AND o.event IN ('SENT', 'FAILED', 'DENIED', 'DEFERRED', 'ALLOWED')"
            + " AND o." + UP_TO_HEAD + ")" // an outcome forged past the head settles nothing
            + " AND a." + UP_TO_HEAD + ")"
            + " AND " + UP_TO_HEAD
            + " ORDER BY seq";
    /** The last row of one request, in the chain. */
    static final String LAST_OF_REQUEST = "SELECT " + COLUMNS + " FROM audit_ledger WHERE request_id = ? AND "
            + UP_TO_HEAD + " ORDER BY seq DESC LIMIT 1";

    /** Column widths of V1__ledger_and_state.sql. */
    private static final int NAME_WIDTH = 255;

    private static final int KIND_WIDTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private LedgerRows() {}

    /** The end of the chain as the head row records it. */
    record Head(long seq, String hash) {}

    static Head head(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the ledger_head row is missing: was the store migrated?");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** The hash of row {@code seq}, or empty if there is none. */
    static Optional<String> hashAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROW_HASH)) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void updateHead(Connection c, Head head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
            ps.setLong(1, head.seq());
            ps.setString(2, head.hash());
            ps.executeUpdate();
        }
    }

    static void insert(Connection c, List<LedgerEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (LedgerEntry e : entries) {
                bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, LedgerEntry e) throws SQLException {
        LedgerRecord r = e.record();
        ps.setLong(1, e.seq());
        ps.setObject(2, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
        ps.setObject(3, r.requestId());
        ps.setString(4, r.bot());
        ps.setString(5, r.account());
        ps.setString(6, r.actionKind());
        ps.setString(7, targetsJson(r.targets()));
        ps.setString(8, r.contentHash());
        ps.setString(9, r.event().name());
        ps.setString(10, r.guard());
        ps.setString(11, r.reason());
        ps.setString(12, r.rule());
        ps.setString(13, r.message());
        ps.setString(14, r.platformId());
        ps.setString(15, r.error());
        ps.setString(16, e.prevHash());
        ps.setString(17, e.hash());
    }

    /**
     * The entry in the current row.
     *
     * @throws MalformedRow if a column holds what no append could have written
     */
    static LedgerEntry read(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
        String event = rs.getString("event");
        LedgerEvent parsedEvent;
        try {
            parsedEvent = LedgerEvent.valueOf(event);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedRow(seq, "its event '" + event + "' is not a ledger event");
        }
        String bot = rs.getString("bot");
        String account = rs.getString("account");
        if (at == null || bot == null || account == null) {
            throw new MalformedRow(seq, "a required column is empty");
        }
        LedgerRecord record = new LedgerRecord(
                at.toInstant(),
                rs.getObject("request_id", UUID.class),
                bot,
                account,
                rs.getString("action_kind"),
                targets(seq, rs.getString("targets")),
                rs.getString("content_hash"),
                parsedEvent,
                rs.getString("guard"),
                rs.getString("reason"),
                rs.getString("rule"),
                rs.getString("message"),
                rs.getString("platform_id"),
                rs.getString("error"));
        return new LedgerEntry(seq, record, rs.getString("prev_hash"), rs.getString("hash"));
    }

    /**
     * The record as the ledger keeps it: its time cut to microseconds (what both databases store), after checking that
     * every field fits its column and the content hash is a hash.
     */
    static LedgerRecord normalised(LedgerRecord r) {
        fits("bot", r.bot(), NAME_WIDTH);
        fits("account", r.account(), NAME_WIDTH);
        fits("actionKind", r.actionKind(), KIND_WIDTH);
        fits("guard", r.guard(), NAME_WIDTH);
        fits("reason", r.reason(), NAME_WIDTH);
        fits("rule", r.rule(), NAME_WIDTH);
        fits("platformId", r.platformId(), NAME_WIDTH);
        if (r.contentHash() != null && !ContentHash.isSha256Hex(r.contentHash())) {
            throw new IllegalArgumentException("contentHash must be ContentHash.sha256Hex(text), "
                    + "64 lower-case hex digits; the ledger never stores the text itself");
        }
        return new LedgerRecord(
                r.at().truncatedTo(ChronoUnit.MICROS),
                r.requestId(),
                r.bot(),
                r.account(),
                r.actionKind(),
                r.targets(),
                r.contentHash(),
                r.event(),
                r.guard(),
                r.reason(),
                r.rule(),
                r.message(),
                r.platformId(),
                r.error());
    }

    private static void fits(String field, String value, int width) {
        if (value != null && value.length() > width) {
            throw new IllegalArgumentException(
                    "ledger record " + field + " is " + value.length() + " characters long; at most " + width + " fit");
        }
    }

    private static String targetsJson(List<String> targets) {
        try {
            return JSON.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always writes as JSON", e);
        }
    }

    private static List<String> targets(long seq, String json) {
        try {
            List<String> targets = json == null ? null : JSON.readValue(json, STRINGS);
            if (targets == null || targets.contains(null)) {
                throw new MalformedRow(seq, "its targets are not a list of ids");
            }
            return targets;
        } catch (JsonProcessingException e) {
            throw new MalformedRow(seq, "its targets are not a JSON list of ids");
        }
    }

    /** A row that no append could have written: it was edited. */
    static final class MalformedRow extends RuntimeException {
        final long seq;

        MalformedRow(long seq, String what) {
            super("row " + seq + " was edited: " + what);
            this.seq = seq;
        }
    }
}
