package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.VerifyReport;
import java.util.OptionalLong;

/**
 * Checks ledger rows one by one, in seq order, against the chain so far, and remembers the first row that does not fit.
 * Checks are ordered so that the message names the likeliest tampering: a missing seq means deleted rows, a broken link
 * means rows moved, inserted or replaced, a wrong hash means an edited row.
 */
final class ChainWalk {

    private long expectedSeq = 1;
    private String prevHash = ChainHash.GENESIS;
    private long checked;
    private long badSeq = -1;
    private String problem;

    /** Whether a problem has been found; no further rows need checking. */
    boolean broken() {
        return badSeq >= 0;
    }

    void check(LedgerEntry row) {
        checked++;
        long seq = row.seq();
        if (seq != expectedSeq) {
            fail(
                    seq,
                    seq > expectedSeq
                            ? "row " + seq + " follows a gap: " + rows(expectedSeq, seq - 1) + " missing (deleted)"
                            : "row " + seq + " is out of sequence: row " + expectedSeq + " was expected");
        } else if (!prevHash.equals(row.prevHash())) {
            fail(
                    seq,
                    seq == 1
                            ? "row 1 does not start the chain: its prev_hash is not the genesis hash"
                            : "row " + seq + " does not follow row " + (seq - 1) + ": its prev_hash is not that"
                                    + " row's hash (rows were reordered, inserted or replaced)");
        } else if (!ChainHash.of(row.prevHash(), seq, row.record()).equals(row.hash())) {
            fail(seq, "row " + seq + " was edited: its hash does not match its contents");
        }
        expectedSeq = seq + 1;
        prevHash = row.hash();
    }

    /** Records a row that could not even be read back as a record. */
    void malformed(long seq, String message) {
        checked++;
        fail(seq, message);
    }

    /** Compares the last row with the head row, which finds rows deleted from the end. */
    void end(LedgerRows.Head head) {
        long last = expectedSeq - 1;
        if (broken()) {
            return;
        }
        if (last < head.seq()) {
            fail(
                    last + 1,
                    rows(last + 1, head.seq()) + " missing from the end (deleted):" + " the ledger head records "
                            + head.seq() + " rows");
        } else if (last > head.seq() || !head.hash().equals(prevHash)) {
            fail(
                    last,
                    "row " + last + " does not match the ledger head (which records row " + head.seq()
                            + "): it was edited, replaced or inserted");
        }
    }

    VerifyReport report() {
        return new VerifyReport(checked, broken() ? OptionalLong.of(badSeq) : OptionalLong.empty(), problem);
    }

    private void fail(long seq, String what) {
        if (!broken()) {
            badSeq = seq;
            problem = what;
        }
    }

    private static String rows(long from, long to) {
        return from == to ? "row " + from + " is" : "rows " + from + " to " + to + " are";
    }
}
