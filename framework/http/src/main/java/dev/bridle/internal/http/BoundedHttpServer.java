package dev.bridle.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.bridle.internal.http.Deadline.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JDK's HTTP server ({@code com.sun.net.httpserver}) with limits of its own: a request's headers and body must
 * arrive within their timeouts and the answer must be taken within the body timeout, or the connection is closed; a
 * fixed number of workers with a bounded queue serve requests, a request beyond them is answered {@code 503} with
 * {@code Retry-After} by a spare thread, and when that one is busy too its connection is closed at once. See
 * {@link HttpLimits}.
 *
 * <p>Why here and not in the JDK's settings: the JDK server reads a request's headers on the executor's thread, in
 * blocking mode and without any timeout, so a client that sends a few bytes and stops holds a worker for good. Its only
 * timeouts are the {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime} system properties, which are JVM-wide
 * (they would also cut the sandbox's injected delays, and an embedding application's own servers), whole seconds, read
 * once when the first server in the JVM starts (so they are lost if anything started one before), and close the
 * connection without telling the handler. The executor is the one part of the server given per instance, and the thread
 * it runs is the one blocked in the read: {@link Watch} interrupts it at the deadline, which closes the channel and
 * frees the worker. No HTTP server library is on the class path, and this needs none.
 *
 * <p>Handlers mark where their work begins and their answer starts ({@link Deadline}), so that work is never
 * interrupted. Connections that have not sent a byte hold no thread; the JDK server closes them when they have been
 * idle for {@code sun.net.httpserver.idleInterval} (30 s).
 */
public final class BoundedHttpServer implements AutoCloseable {

    private static final byte[] BUSY = "{\"error\":\"over capacity: every worker is busy; try again in a second\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final BoundedExecutor executor;
    private final HttpLimits limits;

    private BoundedHttpServer(HttpServer server, HttpLimits limits, String name) {
        this.server = server;
        this.limits = limits;
        this.executor = new BoundedExecutor(limits, name);
        server.setExecutor(executor);
    }

    /**
     * A server bound to {@code address}, not yet started.
     *
     * @param backlog connections the operating system may hold before they are accepted; 0 for its default
     * @param name the prefix of its threads' names
     * @throws IOException if the address cannot be bound
     */
    public static BoundedHttpServer bind(InetSocketAddress address, int backlog, HttpLimits limits, String name)
            throws IOException {
        Objects.requireNonNull(limits, "limits");
        return new BoundedHttpServer(HttpServer.create(address, backlog), limits, name);
    }

    /** Sends requests under {@code path} to {@code handler}, within the limits. */
    public void handle(String path, HttpHandler handler) {
        Objects.requireNonNull(handler, "handler");
        server.createContext(path, exchange -> {
            Exchange current = Deadline.CURRENT.get();
            if (current != null) {
                // The headers are read: the body's deadline starts.
                current.watch().io(limits.bodyTimeout());
                if (current.watch().overflow()) {
                    busy(exchange);
                    return;
                }
            }
            handler.handle(exchange);
        });
    }

    private static void busy(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.sendResponseHeaders(503, BUSY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BUSY);
            }
        }
    }

    public void start() {
        server.start();
    }

    /** The address it listens on, with the port it was given when bound to port 0. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Exchanges taken by a worker or waiting in the queue, at most {@code workers + queue}. */
    public int pending() {
        return executor.pending();
    }

    /** The limits it enforces. */
    public HttpLimits limits() {
        return limits;
    }

    /**
     * Stops listening, lets exchanges in progress finish for up to a second, closes every connection, and waits up to
     * five seconds more for handlers' work before interrupting it.
     */
    @Override
    public void close() {
        // The JDK waits the whole delay when no exchange is in progress to end it early.
        server.stop(executor.pending() == 0 ? 0 : 1);
        executor.close(5_000);
    }

    /** Stops listening and closes every connection now, interrupting handlers still at work. */
    public void closeNow() {
        server.stop(0);
        executor.close(0);
    }
}
