package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.http.HttpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients that connect and stall, against the sandbox's own server: a signed request still gets through. */
class SlowClientsTest {
    private static final HttpLimits LIMITS = new HttpLimits(8, 32, Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final int PATIENCE_MILLIS = 15_000;

    private final List<Socket> sockets = new ArrayList<>();
    private MutableClock clock;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        clock = TestClocks.golden();
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .httpLimits(LIMITS)
                .build()
                .start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        sandbox.close();
    }

    private void stalled(String firstBytes) throws IOException {
        Socket s =
                new Socket(InetAddress.getLoopbackAddress(), sandbox.baseUrl().getPort());
        sockets.add(s);
        s.getOutputStream().write(firstBytes.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(PATIENCE_MILLIS);
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // an answer before the end would do too; the point is that the connection ends
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** The sandbox's server read requests with no deadline on eight threads, as the webhook did. */
    @Test
    void stalledClientsOnMoreSocketsThanWorkersNeitherStopASignedRequestNorStayOpen() throws IOException {
        for (int i = 0; i < LIMITS.workers() + 4; i++) {
            stalled(
                    i % 2 == 0
                            ? "GET /2/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor"
                            : "POST /2/tweets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"te");
        }

        TestClient.Response posted =
                TestClient.of(sandbox, clock, "acme").postJson("2/tweets", "{\"text\":\"still here\"}");

        assertThat(posted.status()).isEqualTo(201);
        assertThat(sandbox.posts()).hasSize(1);
        for (Socket s : sockets) {
            assertThat(closedByServer(s))
                    .as("stalled connection closed by the sandbox")
                    .isTrue();
        }
    }
}
