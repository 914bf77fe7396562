package dev.bridle.internal.audit;

/**
 * A record could not be made durable in the ledger (the store is down, a lock timed out, the ledger is closed). The
 * action it belongs to must not go ahead: fail closed.
 */
public final class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerUnavailableException(String message) {
        super(message);
    }
}
