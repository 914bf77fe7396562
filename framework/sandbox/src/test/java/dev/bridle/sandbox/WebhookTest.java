package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Account Activity webhooks: CRC on registration, signed event POSTs for injected mentions and DMs. */
class WebhookTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;
    private HttpServer receiver;
    private final List<String> crcTokens = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean answerCrcWrongly;

    private record Received(String signature, String body) {}

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .simulatedUser("ana")
                .build()
                .start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhook", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                String token = exchange.getRequestURI().getQuery().replaceFirst("^crc_token=", "");
                crcTokens.add(token);
                String secret = answerCrcWrongly ? "wrong" : sandbox.app().consumerSecret();
                byte[] body = ("{\"response_token\":\"sha256="
                                + hmacSha256(secret, token.getBytes(StandardCharsets.UTF_8)) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("x-twitter-webhooks-signature"),
                        new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sandbox.close();
    }

    private URI hookUrl() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook");
    }

    /** Computed here, independently of the sandbox's signer. */
    private static String hmacSha256(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void registrationRunsTheCrcCheck() {
        SandboxWebhook hook = sandbox.registerWebhook(hookUrl());

        assertThat(crcTokens).hasSize(1);
        assertThat(sandbox.webhooks()).containsExactly(hook);
    }

    @Test
    void aWrongCrcAnswerIsRefused() {
        answerCrcWrongly = true;

        assertThatThrownBy(() -> sandbox.registerWebhook(hookUrl()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CrcValidationFailed");
        assertThat(sandbox.webhooks()).isEmpty();
    }

    @Test
    void onlyLoopbackUrlsAreCalled() {
        assertThatThrownBy(() -> sandbox.registerWebhook(URI.create("https://example.com/webhook")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
        assertThat(crcTokens).isEmpty();
    }

    @Test
    void injectedMentionIsPushedAsASignedTweetCreateEvent() throws IOException {
        sandbox.registerWebhook(hookUrl());

        SandboxPost mention = sandbox.injectMention("ana", "acme", "hello bot");

        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.signature())
                .isEqualTo("sha256="
                        + hmacSha256(sandbox.app().consumerSecret(), r.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode body = MAPPER.readTree(r.body());
        assertThat(body.path("for_user_id").asText()).isEqualTo(sandbox.userId("acme"));
        JsonNode tweet = body.path("tweet_create_events").path(0);
        assertThat(tweet.path("id_str").asText()).isEqualTo(mention.id());
        assertThat(tweet.path("text").asText()).isEqualTo("@acme hello bot");
        assertThat(tweet.path("user").path("screen_name").asText()).isEqualTo("ana");
        Golden.assertMatches("webhook/tweet_create_events", body);
        assertThat(sandbox.webhookDeliveries())
                .singleElement()
                .satisfies(d -> assertThat(d.delivered()).isTrue());
    }

    @Test
    void injectedDmIsPushedAsADirectMessageEvent() throws IOException {
        sandbox.registerWebhook(hookUrl());

        sandbox.injectDm("ana", "acme", "STOP");

        JsonNode body = MAPPER.readTree(received.get(0).body());
        Golden.assertMatches("webhook/direct_message_events", body);
    }

    @Test
    void whatTheBotsDoThemselvesIsNotPushed() throws IOException {
        sandbox.registerWebhook(hookUrl());
        TestClient.of(sandbox, clock, "acme").postJson("2/tweets", "{\"text\":\"@ana hi\"}");

        assertThat(received).isEmpty();
    }

    @Test
    void theAdminApiRegistersAndListsWebhooks() throws IOException {
        Admin admin = new Admin(sandbox);

        Admin.Response r = admin.post("webhooks", "{\"url\":\"" + hookUrl() + "\"}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("data").path("valid").asBoolean()).isTrue();
        assertThat(admin.get("webhooks")
                        .json()
                        .path("meta")
                        .path("result_count")
                        .asInt())
                .isEqualTo(1);
        admin.post("dms", "{\"from\":\"ana\",\"to\":\"acme\",\"text\":\"hi\"}");
        assertThat(admin.get("webhooks/deliveries").json().path(0).path("event").asText())
                .isEqualTo("direct_message_events");
        assertThat(admin.delete("webhooks/" + r.json().path("data").path("id").asText())
                        .status())
                .isEqualTo(200);
        answerCrcWrongly = true;
        assertThat(admin.post("webhooks", "{\"url\":\"" + hookUrl() + "\"}").status())
                .isEqualTo(400);
    }
}
