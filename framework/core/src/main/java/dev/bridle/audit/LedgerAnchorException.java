package dev.bridle.audit;

/**
 * The ledger does not match its anchor outside the database (rows cut from the end, the last rows rewritten, rows past
 * the head, an anchor that fails its seal, or none for a ledger with rows), so Bridle refuses to start on it; or its
 * head cannot be accepted as the anchor ({@link AuditLedger#acceptCurrentHead}). The message is one line: what, where,
 * and what to do. The anchor was left as it was.
 */
public final class LedgerAnchorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerAnchorException(String message) {
        super(message);
    }
}
