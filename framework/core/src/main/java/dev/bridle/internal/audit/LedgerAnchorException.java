package dev.bridle.internal.audit;

/**
 * The ledger does not match its anchor outside the database (rows cut from the end, the last rows rewritten, rows past
 * the head, an anchor that fails its seal, or none for a ledger with rows), so the runtime refuses to start. The
 * message is one line: what, where, and what to do. The anchor was left as it was.
 */
public final class LedgerAnchorException extends RuntimeException {

    public LedgerAnchorException(String message) {
        super(message);
    }
}
