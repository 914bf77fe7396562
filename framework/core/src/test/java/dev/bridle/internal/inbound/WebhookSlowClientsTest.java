package dev.bridle.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Account;
import dev.bridle.internal.http.HttpLimits;
import dev.bridle.internal.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that open a connection and then stall, against the real webhook over real sockets: a correct signed event
 * still gets through, and the server closes the stalled connections.
 */
class WebhookSlowClientsTest {

    private static final String SECRET = "consumer-secret-of-the-app";
    private static final Account NEWS = new Account("acme_news", "4337869213");
    private static final String DM_BODY = """
            {"for_user_id":"4337869213",
             "direct_message_events":[{"type":"message_create","id":"954491830116155396","created_timestamp":"1516403560557",
               "message_create":{"target":{"recipient_id":"4337869213"},"sender_id":"3001969357",
                 "message_data":{"text":"STOP"}}}],
             "users":{"3001969357":{"id":"3001969357","screen_name":"furiouscamper"}}}
            """;
    /** The webhook's own workers and queue, with timeouts short enough for a test. */
    private static final HttpLimits LIMITS =
            new HttpLimits(WebhookReceiver.THREADS, 4, Duration.ofSeconds(1), Duration.ofSeconds(1));
    /** How long the test waits for what the server should do within a few seconds (without limits, it never did). */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<InboundEvent> routed = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start(
                WebhookSettings.defaults().enabledOn(0),
                Secret.of(SECRET),
                routed::add,
                List.of(NEWS),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC),
                LIMITS);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        receiver.close();
    }

    /** Connects and sends the first bytes of a request, then nothing. */
    private Socket stalled(String firstBytes) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress(receiver.url().getHost(), receiver.url().getPort()), 5_000);
        OutputStream out = s.getOutputStream();
        out.write(firstBytes.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    private HttpResponse<String> signedEvent() throws Exception {
        byte[] body = DM_BODY.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(receiver.url())
                .timeout(PATIENCE)
                .header("x-twitter-webhooks-signature", WebhookReceiverTest.hmac(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the server holds {@code n} exchanges, running or queued. */
    private void awaitPending(int n) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (receiver.server().pending() < n) {
            assertThat(System.nanoTime()).as("exchanges held by the server").isLessThan(end);
            Thread.sleep(10);
        }
    }

    /** Whether the server closed {@code s}: its next read sees the end of the stream or a reset. */
    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout((int) PATIENCE.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Headers were read with no deadline on four threads: six stalled clients held all four for good. */
    @Test
    void stalledHeadersOnMoreSocketsThanWorkersNeitherStopASignedEventNorStayOpen() throws Exception {
        for (int i = 0; i < LIMITS.workers() + LIMITS.queue() - 1; i++) {
            stalled("POST " + receiver.url().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-twitter-");
        }

        awaitPending(LIMITS.workers() + LIMITS.queue() - 1);
        // Each stalled client holds a worker for one header timeout: a round of four, then three with the event,
        // well within the request's own timeout.
        HttpResponse<String> answer = signedEvent();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(routed).hasSize(1);
        for (Socket s : sockets) {
            assertThat(closedByServer(s))
                    .as("stalled connection closed by the server")
                    .isTrue();
        }
    }

    /** The body was read with no deadline either: a client that declared a body and sent a part of it held a worker. */
    @Test
    void stalledBodiesNeitherStopASignedEventNorStayOpen() throws Exception {
        for (int i = 0; i < LIMITS.workers() + 2; i++) {
            stalled("POST " + receiver.url().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n"
                    + "x-twitter-webhooks-signature: sha256=AAAA\r\n\r\n{\"for_user_id\":");
        }

        assertThat(signedEvent().statusCode()).isEqualTo(200);
        assertThat(routed).hasSize(1);
        for (Socket s : sockets) {
            assertThat(closedByServer(s))
                    .as("stalled connection closed by the server")
                    .isTrue();
        }
    }

    /** Past the workers and the queue, a request waited without bound; now it is told at once to come back. */
    @Test
    void whenEveryWorkerAndTheQueueAreTakenARequestIsAnswered503AtOnce() throws Exception {
        for (int i = 0; i < LIMITS.workers() + LIMITS.queue(); i++) {
            stalled("POST " + receiver.url().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-twitter-");
        }
        awaitPending(LIMITS.workers() + LIMITS.queue());

        HttpResponse<String> answer = signedEvent();

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(routed).isEmpty();
    }
}
