package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.VerifyReport;
import dev.bridle.internal.audit.LedgerRows.Head;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code audit verify}: walks the chain up to the head, then checks its ends ({@link TailCheck}), all in one snapshot
 * ({@link LedgerSnapshot}), with the anchor read just before. Appends made meanwhile are left for the next verify
 * rather than mistaken for tampering. Rows are streamed, not held in memory.
 */
final class LedgerVerifier {

    /** Rows read per round trip while verifying. */
    static final int FETCH_SIZE = 1_000;

    private final Database db;
    private final AnchorGate gate;

    LedgerVerifier(Database db, AnchorGate gate) {
        this.db = db;
        this.gate = gate;
    }

    VerifyReport verify() {
        AnchorState anchor = gate.state(); // before the snapshot: it can then only be behind it
        try {
            return LedgerSnapshot.read(db, c -> {
                Head head = LedgerRows.head(c, LedgerRows.READ_HEAD);
                ChainWalk walk = walk(c, head);
                TailCheck.Findings ends = TailCheck.check(c, head, anchor);
                VerifyReport chain = walk.report();
                List<String> problems = new ArrayList<>(chain.problems());
                problems.addAll(ends.problems());
                return new VerifyReport(chain.rowsChecked(), chain.firstBadSeq(), problems, ends.notes());
            });
        } catch (SQLException e) {
            throw new StoreException("cannot verify the ledger in " + db.url() + ": " + e.getMessage(), e);
        }
    }

    /** The chain walked from row 1 to the head, as far as its first problem. */
    static ChainWalk walk(Connection c, Head head) throws SQLException {
        ChainWalk walk = new ChainWalk();
        try (PreparedStatement ps = c.prepareStatement(LedgerRows.ALL_UP_TO)) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, head.seq());
            try (ResultSet rs = ps.executeQuery()) {
                while (!walk.broken() && rs.next()) {
                    checkRow(walk, rs);
                }
            }
        }
        walk.end(head);
        return walk;
    }

    private static void checkRow(ChainWalk walk, ResultSet rs) throws SQLException {
        LedgerEntry row;
        try {
            row = LedgerRows.read(rs);
        } catch (LedgerRows.MalformedRow e) {
            walk.malformed(e.seq, e.getMessage());
            return;
        }
        walk.check(row);
    }
}
