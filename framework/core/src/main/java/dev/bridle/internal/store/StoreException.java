package dev.bridle.internal.store;

import dev.bridle.config.StoreUnavailableException;

/**
 * The store could not be opened, migrated or written. The message names the database URL, never the password. An
 * embedding application catches it as the public {@link StoreUnavailableException}.
 */
public final class StoreException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
