package dev.bridle.sandbox.internal.admin;

/** An admin error: answered as {@code {"error":"..."}} with the status. */
final class AdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    AdminException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
