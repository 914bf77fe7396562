package dev.bridle.sandbox.internal.api;

/** Thrown by handlers and rules to answer with a platform error; rendered by {@link ErrorRenderer}. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.code() + " " + error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
