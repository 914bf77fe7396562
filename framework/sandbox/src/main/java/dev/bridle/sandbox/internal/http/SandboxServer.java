package dev.bridle.sandbox.internal.http;

import dev.bridle.internal.http.BoundedHttpServer;
import dev.bridle.internal.http.HttpLimits;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.admin.AdminDispatcher;
import dev.bridle.sandbox.internal.oauth2.TokenEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JDK HTTP server on 127.0.0.1 only: {@code /1.1/} and {@code /2/} go through the {@link ApiDispatcher},
 * {@code /admin} to the admin API, {@code /oauth2/} to the app-only token endpoints. Several worker threads, because a
 * webhook receiver may call the API while the sandbox waits for its answer. A client that stalls is dropped as the
 * webhook drops one ({@link BoundedHttpServer}): the sandbox also serves other nodes' tests and demos, and one stuck
 * client must not stop them.
 */
public final class SandboxServer implements AutoCloseable {
    private static final int THREADS = 8;
    /** Eight workers, a queue of 32, 10 s for a request's headers and for its body. */
    public static final HttpLimits LIMITS = HttpLimits.of(THREADS);

    static {
        // The JDK server leaves Nagle's algorithm on, which holds small answers back ~40 ms on loopback
        // (measured by the bench). The property is read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final BoundedHttpServer server;

    public SandboxServer(SandboxServices services, int port, HttpLimits limits) {
        try {
            server = BoundedHttpServer.bind(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64, limits, "bridle-sandbox-http");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        ApiDispatcher api = new ApiDispatcher(services, services.routes());
        server.handle("/1.1/", api);
        server.handle("/2/", api);
        server.handle("/admin", new AdminDispatcher(services));
        server.handle("/oauth2/", new TokenEndpoint(services));
        server.handle("/", api);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.address().getPort();
    }

    @Override
    public void close() {
        server.closeNow();
    }
}
