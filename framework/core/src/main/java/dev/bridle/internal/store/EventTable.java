package dev.bridle.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An insert-only table of events about a user and an operator, such as {@code consent_events} and
 * {@code optout_events}: rows are appended, never changed, and each is committed and forced to disk
 * ({@link Database#forceToDisk}) before {@link #append} returns, so an event the caller has acknowledged survives a
 * crash. The table numbers its rows in a generated column {@code seq}, and has the columns {@code subject_id} and
 * {@code operator} a history is read by.
 *
 * <p>The store that owns the table keeps its columns and how they map to its event type; this class only appends and
 * reads.
 *
 * <pre>{@code
 * EventTable<OptOutEvent> table = new EventTable<>(db, "optout_events", "event_id, subject_id, operator, ...", rs -> ...);
 * long seq = table.append("record the opt-out of user " + id, ps -> {
 *     ps.setObject(1, event.eventId());
 *     ...
 * });
 * List<OptOutEvent> history = table.history(id, operator, "read the opt-outs of user " + id);
 * }</pre>
 *
 * @param <E> the event a row is read as
 */
public final class EventTable<E> {

    private final Database db;
    private final String table;
    private final String insert;
    private final String history;
    private final Sql.RowReader<E> reader;

    /**
     * @param columns the columns {@link #append} sets, comma-separated, in the order its binder sets them ({@code seq}
     *     is generated)
     * @param reader reads a row of {@code seq} and {@code columns} as an event
     */
    public EventTable(Database db, String table, String columns, Sql.RowReader<E> reader) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.reader = Objects.requireNonNull(reader, "reader");
        int count = columns.split(",").length;
        this.insert = "INSERT INTO " + table + " (" + columns + ") VALUES ("
                + String.join(", ", Collections.nCopies(count, "?")) + ")";
        this.history =
                "SELECT seq, " + columns + " FROM " + table + " WHERE subject_id = ? AND operator = ? ORDER BY seq";
    }

    /**
     * Appends a row, commits, and forces it to disk before returning.
     *
     * @param what what the caller is doing, for the error ("record opt-out of user 42")
     * @param values sets the row's columns, in the order given to the constructor
     * @return the {@code seq} the table gave the row
     * @throws StoreException "cannot {@code what} in URL: why" if the row could not be written or forced to disk
     */
    public long append(String what, Sql.Binder values) {
        try (Connection c = db.dataSource().getConnection()) {
            long seq;
            try (PreparedStatement ps = c.prepareStatement(insert, new String[] {"seq"})) {
                values.bind(ps);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no seq for the new row of " + table);
                    }
                    seq = keys.getLong(1);
                }
            }
            db.forceToDisk(c);
            return seq;
        } catch (SQLException ex) {
            throw new StoreException("cannot " + what + " in " + db.url() + ": " + ex.getMessage(), ex);
        }
    }

    /** The ids of the inbound messages of {@code channel} whose text this table still keeps in evidence. */
    public Set<String> inboundIdsWithText(String channel) {
        try (Connection c = db.dataSource().getConnection()) {
            return new LinkedHashSet<>(Sql.list(
                    c,
                    "SELECT DISTINCT inbound_id FROM " + table + " WHERE channel = ? AND inbound_text IS NOT NULL",
                    ps -> ps.setString(1, channel),
                    rs -> rs.getString(1)));
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot list kept messages in " + table + " in " + db.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the text of the inbound messages {@code inboundIds} in this table's evidence ({@code inbound_text}), for
     * content deleted on the platform; the events stay, and their evidence keeps the message's id. Returns how many
     * events lost their text.
     */
    public int forgetInboundText(Collection<String> inboundIds) {
        int forgotten = 0;
        try (Connection c = db.dataSource().getConnection()) {
            for (String id : inboundIds) {
                forgotten += Sql.update(
                        c,
                        "UPDATE " + table
                                + " SET inbound_text = NULL WHERE inbound_id = ? AND inbound_text IS NOT NULL",
                        ps -> ps.setString(1, id));
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot forget deleted messages' text in " + table + " in " + db.url() + ": " + e.getMessage(), e);
        }
        return forgotten;
    }

    /**
     * Every event of {@code subjectId} with {@code operator}, oldest first.
     *
     * @param what what the caller is doing, for the error ("read the opt-outs of user 42")
     * @throws StoreException "cannot {@code what} from URL: why" if the rows could not be read
     */
    public List<E> history(String subjectId, String operator, String what) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    history,
                    ps -> {
                        ps.setString(1, subjectId);
                        ps.setString(2, operator);
                    },
                    reader);
        } catch (SQLException ex) {
            throw new StoreException("cannot " + what + " from " + db.url() + ": " + ex.getMessage(), ex);
        }
    }
}
