package dev.bridle.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * The result of walking the ledger's hash chain and checking its ends: against the anchor outside the database, and for
 * rows past the head.
 *
 * @param rowsChecked how many rows were read
 * @param firstBadSeq the first row that was edited, or follows a deleted or reordered row; empty if the chain's rows
 *     fit together (the problems may still name a cut tail or a bad anchor)
 * @param problems what is wrong, the chain's first problem first; empty if the ledger is intact
 * @param notes what is worth knowing but not wrong: rows newer than the anchor, a torn anchor slot
 */
public record VerifyReport(long rowsChecked, OptionalLong firstBadSeq, List<String> problems, List<String> notes) {

    public VerifyReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A report of at most one problem and no notes. */
    public VerifyReport(long rowsChecked, OptionalLong firstBadSeq, String problem) {
        this(rowsChecked, firstBadSeq, problem == null ? List.of() : List.of(problem), List.of());
    }

    /** Whether nothing is wrong: every row fits the chain, the chain ends where its anchor says, nothing is past it. */
    public boolean intact() {
        return problems.isEmpty();
    }

    /** The first problem, or {@code null} if the ledger is intact. */
    public String problem() {
        return problems.isEmpty() ? null : problems.get(0);
    }
}
