package dev.bridle.internal.audit;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the ledger in one snapshot of the database, so that the head and the rows agree while writers append: a row
 * committed after the head was read is neither taken for a row past the head nor walked.
 *
 * <p>PostgreSQL's REPEATABLE READ is such a snapshot, taken at the first statement. H2's is not: it snapshots each
 * table when the transaction first reads it, so a commit between reading {@code ledger_head} and {@code audit_ledger}
 * shows rows past the head. H2's own SNAPSHOT level (JDBC value 6 in H2) snapshots every table at once.
 */
final class LedgerSnapshot {

    /** H2's {@code SNAPSHOT} isolation level, as its JDBC driver numbers it. */
    static final int H2_SNAPSHOT = 6;

    /** A read inside the snapshot. */
    @FunctionalInterface
    interface Read<T> {
        T read(Connection c) throws SQLException;
    }

    private LedgerSnapshot() {}

    /** Runs {@code read} in a transaction of its own, in one snapshot, and rolls it back. */
    static <T> T read(Database db, Read<T> read) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false); // PostgreSQL also streams rows only inside a transaction
            c.setTransactionIsolation(
                    db.dialect() == Dialect.H2 ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return read.read(c);
            } finally {
                c.rollback();
            }
        }
    }
}
