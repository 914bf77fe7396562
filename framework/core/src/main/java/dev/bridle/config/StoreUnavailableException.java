package dev.bridle.config;

/**
 * The configured store could not be opened, migrated, read or written: the database is not running, refuses the user,
 * or failed a statement. The message says what failed and names the database URL, never the password; the cause is the
 * driver's.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
