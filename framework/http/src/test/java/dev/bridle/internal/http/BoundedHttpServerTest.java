package dev.bridle.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits over real sockets, with one worker so that every exchange runs on the same thread. */
class BoundedHttpServerTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private BoundedHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(int workers, int queue, Duration work) throws IOException {
        server = BoundedHttpServer.bind(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0,
                new HttpLimits(workers, queue, TIMEOUT, TIMEOUT),
                "test-http");
        server.handle("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Deadline.requestRead();
                seen.add(work(work) + " " + new String(body, StandardCharsets.UTF_8));
                Deadline.answering();
                answer(exchange, 200, "ok");
            }
        });
        server.start();
    }

    /** Work that takes {@code d}; what it saw: interrupted or not. */
    private static String work(Duration d) {
        if (Thread.currentThread().isInterrupted()) {
            return "interrupted";
        }
        try {
            Thread.sleep(d.toMillis());
            return "done";
        } catch (InterruptedException e) {
            return "interrupted";
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(PATIENCE)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private Socket stalled(String firstBytes) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
        s.getOutputStream().write(firstBytes.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout((int) PATIENCE.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // read to the end
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void workAfterTheRequestIsReadRunsPastTheDeadlineUninterrupted() throws Exception {
        start(1, 0, TIMEOUT.multipliedBy(3));

        assertThat(post("slow work").statusCode()).isEqualTo(200);
        assertThat(seen).containsExactly("done slow work");
    }

    @Test
    void theInterruptThatClosesAStalledConnectionNeverReachesTheNextExchangeOnThatThread() throws Exception {
        start(1, 1, Duration.ZERO);
        try (Socket s = stalled("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{")) {
            assertThat(closedByServer(s)).isTrue();
        }

        assertThat(post("next").statusCode()).isEqualTo(200);
        assertThat(seen).containsExactly("done next");
    }

    @Test
    void pastTheWorkersAndTheQueueTheSpareThreadAnswers503() throws Exception {
        start(1, 1, Duration.ZERO);
        try (Socket worker = stalled("GET / HTTP/1.1\r\nHo");
                Socket queued = stalled("GET / HTTP/1.1\r\nHo")) {
            long end = System.nanoTime() + PATIENCE.toNanos();
            while (server.pending() < 2) {
                assertThat(System.nanoTime()).isLessThan(end);
                Thread.sleep(10);
            }
            HttpResponse<String> busy = post("too many");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.body()).contains("over capacity");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void deadlinesAreNoOpsOffTheServersThreads() throws Exception {
        Deadline.requestRead();
        Deadline.answering();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new HttpLimits(0, 1, TIMEOUT, TIMEOUT)).hasMessageContaining("worker");
        assertThatThrownBy(() -> new HttpLimits(1, -1, TIMEOUT, TIMEOUT)).hasMessageContaining("queue");
        assertThatThrownBy(() -> new HttpLimits(1, 1, Duration.ZERO, TIMEOUT)).hasMessageContaining("positive");
        assertThat(HttpLimits.of(4)).isEqualTo(new HttpLimits(4, 16, Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }
}
