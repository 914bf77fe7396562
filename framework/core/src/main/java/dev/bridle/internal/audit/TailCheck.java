package dev.bridle.internal.audit;

import dev.bridle.internal.audit.LedgerRows.Head;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what a walk of the chain cannot: that the chain ends where its anchor outside the database says (rows cut from
 * the end, or the last rows rewritten and chained again with the head moved to match, leave a chain that fits
 * together), and that no row lies past the head. Run in the same snapshot as the walk, with the anchor read before the
 * snapshot began, so that a commit meanwhile can only put the anchor behind the head, never ahead of it.
 */
final class TailCheck {

    /** Problems (the ledger was altered) and notes (worth knowing, not wrong). */
    record Findings(List<String> problems, List<String> notes) {}

    private TailCheck() {}

    static Findings check(Connection c, Head head, AnchorState anchor) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        anchor(c, head, anchor, problems, notes);
        pastHead(c, head).ifPresent(problems::add);
        return new Findings(problems, notes);
    }

    private static void anchor(Connection c, Head head, AnchorState anchor, List<String> problems, List<String> notes)
            throws SQLException {
        switch (anchor.kind()) {
            case NONE -> notes.add("the store is an H2 database in memory: its ledger has no anchor");
            case MISSING -> {
                if (head.seq() > 0) {
                    problems.add("there is no ledger anchor at " + anchor.file() + ", and the ledger has " + head.seq()
                            + " rows: the anchor was deleted, or never written (a ledger from before anchors, a new"
                            + " node, a moved store); without it rows cut from the end cannot be found");
                }
            }
            case INVALID -> problems.add("the ledger anchor at " + anchor.file() + " " + anchor.problem());
            case VALID -> valid(c, head, anchor, problems, notes);
        }
    }

    private static void valid(Connection c, Head head, AnchorState anchor, List<String> problems, List<String> notes)
            throws SQLException {
        if (anchor.note() != null) {
            notes.add(anchor.note());
        }
        Head anchored = anchor.slot().head();
        if (anchored.seq() > head.seq()) {
            problems.add(rows(head.seq() + 1, anchored.seq()) + " missing from the end (the tail was cut): the ledger"
                    + " anchor at " + anchor.file() + " records row " + anchored.seq() + ", the ledger head row "
                    + head.seq());
            return;
        }
        Optional<String> hash =
                anchored.seq() == 0 ? Optional.of(ChainHash.GENESIS) : LedgerRows.hashAt(c, anchored.seq());
        if (hash.isEmpty()) {
            return; // a row missing inside the chain: the walk names it
        }
        if (!hash.get().equals(anchored.hash())) {
            problems.add(
                    "row " + anchored.seq() + " does not have the hash the ledger anchor at " + anchor.file()
                            + " records: it, or rows before it, were rewritten and chained again (and the head moved to match)");
        } else if (anchored.seq() < head.seq()) {
            notes.add(rows(anchored.seq() + 1, head.seq()) + " newer than the ledger anchor at " + anchor.file()
                    + " (row " + anchored.seq() + "): committed by another node, or just before a stop; the chain"
                    + " covers them, the anchor does not yet");
        }
    }

    /** What is wrong if rows lie past the head, or empty. */
    static Optional<String> pastHead(Connection c, Head head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LedgerRows.PAST_HEAD)) {
            ps.setLong(1, head.seq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                if (count == 0) {
                    return Optional.empty();
                }
                long min = rs.getLong(2);
                long max = rs.getLong(3);
                String which =
                        count == max - min + 1 ? rows(min, max) : count + " rows from " + min + " to " + max + " are";
                return Optional.of(
                        which + " past the ledger head (which records row " + head.seq() + "): in the table"
                                + " but not in the chain (forged, or left by a failed write); no read but verify looks at them");
            }
        }
    }

    private static String rows(long from, long to) {
        return from == to ? "row " + from + " is" : "rows " + from + " to " + to + " are";
    }
}
