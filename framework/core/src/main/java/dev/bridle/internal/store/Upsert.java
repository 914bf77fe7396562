package dev.bridle.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Writes a row whether or not it is there, the same way on H2 and PostgreSQL (neither {@code MERGE} nor {@code ON
 * CONFLICT} is common to both): update the row with the key; if none was there, insert it; if another writer inserted
 * it in between (a unique violation, see {@link Sql#UNIQUE_VIOLATION}), update again. Used in auto-commit mode, each
 * statement commits on its own, so a failed insert never spoils a transaction.
 *
 * <pre>{@code
 * static final Upsert CURSOR = Upsert.of("inbound_cursor", List.of("account", "kind"), List.of("since_id", "updated_at"));
 * ...
 * CURSOR.write(connection, List.of(account, kind.name()), List.of(sinceId, Sql.utc(clock.instant())));
 * }</pre>
 *
 * The table's primary key (or a unique constraint) must be the key columns. Values are set with
 * {@link PreparedStatement#setObject(int, Object)}.
 */
public final class Upsert {

    private final List<String> keyColumns;
    private final List<String> valueColumns;
    private final String update;
    private final String insert;

    private Upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        this.keyColumns = keyColumns;
        this.valueColumns = valueColumns;
        this.update = "UPDATE " + table + " SET " + String.join(" = ?, ", valueColumns) + " = ? WHERE "
                + String.join(" = ? AND ", keyColumns) + " = ?";
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", "
                + String.join(", ", valueColumns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(keyColumns.size() + valueColumns.size(), "?")) + ")";
    }

    /** An upsert into {@code table}, whose row is found by {@code keyColumns} and sets {@code valueColumns}. */
    public static Upsert of(String table, List<String> keyColumns, List<String> valueColumns) {
        Objects.requireNonNull(table, "table");
        if (keyColumns.isEmpty() || valueColumns.isEmpty()) {
            throw new IllegalArgumentException("an upsert into " + table + " needs key columns and value columns");
        }
        return new Upsert(table, List.copyOf(keyColumns), List.copyOf(valueColumns));
    }

    /** Writes {@code values} into the row with {@code key}, inserting it if it is not there. */
    public void write(Connection c, List<?> key, List<?> values) throws SQLException {
        if (key.size() != keyColumns.size() || values.size() != valueColumns.size()) {
            throw new IllegalArgumentException("the upsert takes " + keyColumns.size() + " key and "
                    + valueColumns.size() + " values, not " + key.size() + " and " + values.size());
        }
        Sql.Binder updateValues = ps -> {
            set(ps, 1, values);
            set(ps, values.size() + 1, key);
        };
        Sql.Binder insertValues = ps -> {
            set(ps, 1, key);
            set(ps, key.size() + 1, values);
        };
        if (Sql.update(c, update, updateValues) == 0 && !Sql.insertIfAbsent(c, insert, insertValues)) {
            Sql.update(c, update, updateValues);
        }
    }

    /** The {@code UPDATE} it runs first. */
    String updateSql() {
        return update;
    }

    /** The {@code INSERT} it runs when there was nothing to update. */
    String insertSql() {
        return insert;
    }

    private static void set(PreparedStatement ps, int first, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(first + i, values.get(i));
        }
    }
}
