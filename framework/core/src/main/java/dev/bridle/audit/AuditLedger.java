package dev.bridle.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The append-only audit ledger: every decision and outcome, hash-chained so that an edited, deleted or reordered row is
 * found by {@link #verify()}.
 */
public interface AuditLedger {

    /** Appends {@code record}; it is durable when this returns. Throws if it cannot be made durable. */
    LedgerEntry append(LedgerRecord record);

    /**
     * Queues {@code record} behind every record appended before it and returns at once; the future completes when the
     * record is durable, or exceptionally if it could not be made so. For rows nothing has to wait for, such as the
     * outcome of an action already sent (its durable ALLOWED row makes a crash recoverable). Reads of this ledger see
     * the record. By default it appends and waits.
     */
    default CompletableFuture<LedgerEntry> appendAsync(LedgerRecord record) {
        try {
            return CompletableFuture.completedFuture(append(record));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The last {@code n} rows of the chain, oldest first; rows past the head are not in it and never read. */
    List<LedgerEntry> tail(int n);

    /** Walks the whole chain and reports the first row that does not fit, and anything wrong at its ends. */
    VerifyReport verify();
}
