package dev.bridle.sandbox.internal.http;

import com.sun.net.httpserver.HttpServer;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.admin.AdminDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on 127.0.0.1 only: {@code /1.1/} and {@code /2/} go through the {@link ApiDispatcher},
 * {@code /admin} to the admin API. Several worker threads, because a webhook receiver may call the API while
 * the sandbox waits for its answer.
 */
public final class SandboxServer implements AutoCloseable {
    private static final int THREADS = 8;

    static {
        // The JDK server leaves Nagle's algorithm on, which holds small answers back ~40 ms on loopback
        // (measured by the bench). The property is read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    public SandboxServer(SandboxServices services, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        ApiDispatcher api = new ApiDispatcher(services, services.routes());
        server.createContext("/1.1/", api);
        server.createContext("/2/", api);
        server.createContext("/admin", new AdminDispatcher(services));
        server.createContext("/", api);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "bridle-sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
