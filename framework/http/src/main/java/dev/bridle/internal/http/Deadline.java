package dev.bridle.internal.http;

import java.io.InterruptedIOException;

/**
 * What a handler on a {@link BoundedHttpServer} tells the deadline of its exchange. Reading the request runs under a
 * deadline; once the handler has read what it needs it calls {@link #requestRead()}, and its work (database writes,
 * calls to other services, a delay it was asked to inject) runs without one, never interrupted; {@link #answering()}
 * starts the deadline again for writing the answer, so a client that does not read it is dropped too.
 *
 * <pre>{@code
 * byte[] body = exchange.getRequestBody().readNBytes(max);
 * Deadline.requestRead();
 * Result r = handle(body);
 * Deadline.answering();
 * write(exchange, r);
 * }</pre>
 *
 * Both are no-ops on a thread that does not serve a {@link BoundedHttpServer}.
 */
public final class Deadline {

    static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private Deadline() {}

    /** The exchange this thread serves, with the limits it runs under. */
    record Exchange(Watch watch, HttpLimits limits) {}

    /**
     * The request is read: what the handler does next is work, which no deadline interrupts.
     *
     * @throws InterruptedIOException if the client already took too long; its connection is closed
     */
    public static void requestRead() throws InterruptedIOException {
        Exchange current = CURRENT.get();
        if (current != null) {
            current.watch().work();
        }
    }

    /** The answer is written from here: it must reach the client within the body timeout. */
    public static void answering() {
        Exchange current = CURRENT.get();
        if (current != null) {
            current.watch().io(current.limits().bodyTimeout());
        }
    }
}
