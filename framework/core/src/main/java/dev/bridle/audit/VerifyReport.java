package dev.bridle.audit;

import java.util.OptionalLong;

/**
 * The result of walking the ledger's hash chain.
 *
 * @param rowsChecked how many rows were read
 * @param firstBadSeq the first row that was edited, or follows a deleted or reordered row; empty if the chain is intact
 * @param problem what is wrong with that row, or {@code null}
 */
public record VerifyReport(long rowsChecked, OptionalLong firstBadSeq, String problem) {

    /** Whether every row fits the chain. */
    public boolean intact() {
        return firstBadSeq.isEmpty();
    }
}
