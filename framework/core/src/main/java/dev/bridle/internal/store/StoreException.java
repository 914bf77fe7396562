package dev.bridle.internal.store;

/** The store could not be opened, migrated or written. The message names the database URL, never the password. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
