package dev.bridle.config;

/**
 * This configuration may not start: its platform app already ran on this store under another environment, and a
 * development or staging app is never used for production (nor the reverse). The message is one line naming the app,
 * both environments and what to do.
 */
public final class AppMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AppMismatchException(String message) {
        super(message);
    }
}
