package dev.bridle.audit;

import java.util.List;

/**
 * The append-only audit ledger: every decision and outcome, hash-chained so that an edited,
 * deleted or reordered row is found by {@link #verify()}.
 */
public interface AuditLedger {

    /** Appends {@code record}; it is durable when this returns. Throws if it cannot be made durable. */
    LedgerEntry append(LedgerRecord record);

    /** The last {@code n} rows, oldest first. */
    List<LedgerEntry> tail(int n);

    /** Walks the whole chain and reports the first row that does not fit. */
    VerifyReport verify();
}
