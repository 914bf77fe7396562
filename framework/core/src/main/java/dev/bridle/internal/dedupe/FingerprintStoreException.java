package dev.bridle.internal.dedupe;

/** The fingerprint store could not do what was asked; duplicate detection then fails closed. */
public final class FingerprintStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FingerprintStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
