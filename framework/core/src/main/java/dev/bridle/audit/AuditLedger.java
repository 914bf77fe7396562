package dev.bridle.audit;

import java.time.Clock;
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

    /**
     * What the anchor outside the database records (the head the ledger must reach), as a sentence for the operator. By
     * default, that this ledger keeps none.
     */
    default String describeAnchor() {
        return "this ledger keeps no anchor";
    }

    /**
     * The deliberate step after a store is restored on purpose (or upgraded from a ledger without an anchor, or joined
     * by a new node, or given a new key): makes the current head the anchor, keeping what the old anchor said in a log
     * beside it. Run {@link #verify()} first: nothing else remembers what the old anchor said. Returns a sentence
     * saying what was done.
     *
     * @param clock the time the log records
     * @throws LedgerAnchorException if the chain is broken, rows lie past the head, or this ledger keeps no anchor
     * @throws java.io.UncheckedIOException if the anchor or its log cannot be written
     */
    default String acceptCurrentHead(Clock clock) {
        throw new LedgerAnchorException("this ledger keeps no anchor to accept");
    }
}
