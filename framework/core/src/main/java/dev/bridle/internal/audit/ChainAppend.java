package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.internal.audit.LedgerRows.Head;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds records to the end of the chain inside a transaction: lock the head row, continue from the seq and hash it
 * records, insert the rows, move the head. The lock is what keeps one chain when several writers (threads, or nodes
 * sharing PostgreSQL) append; it is held until the transaction ends.
 */
final class ChainAppend {

    private ChainAppend() {}

    /** Appends normalised records in order; the connection must be in a transaction. */
    static List<LedgerEntry> append(Connection tx, List<LedgerRecord> records) throws SQLException {
        Head head = LedgerRows.head(tx, LedgerRows.LOCK_HEAD);
        List<LedgerEntry> entries = new ArrayList<>(records.size());
        long seq = head.seq();
        String prev = head.hash();
        for (LedgerRecord record : records) {
            seq++;
            String hash = ChainHash.of(prev, seq, record);
            entries.add(new LedgerEntry(seq, record, prev, hash));
            prev = hash;
        }
        LedgerRows.insert(tx, entries);
        LedgerRows.updateHead(tx, new Head(seq, prev));
        return entries;
    }
}
