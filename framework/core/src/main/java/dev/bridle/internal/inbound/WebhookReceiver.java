package dev.bridle.internal.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.bridle.bot.Account;
import dev.bridle.internal.http.BoundedHttpServer;
import dev.bridle.internal.http.Deadline;
import dev.bridle.internal.http.HttpLimits;
import dev.bridle.internal.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Account Activity webhook endpoint (x-api-v2.md §4), for inbound mentions and direct messages pushed by the
 * platform instead of polled:
 *
 * <ul>
 *   <li>{@code GET path?crc_token=T} answers {@code {"response_token":"sha256=<base64 HMAC-SHA256(consumer secret,
 *       T)>"}};
 *   <li>{@code POST path} is accepted only with an {@code x-twitter-webhooks-signature} that signs the raw body with
 *       the consumer secret (compared in constant time); otherwise 401 and the body is not read further. Mentions and
 *       direct messages to the operator's accounts go to the router, which claims each message once, so one that also
 *       arrives by polling is handled once. The answer is 200 only after every event was handled, so an opt-out in the
 *       body is durable before the platform hears back; 500 if one could not be, so that it is sent again (and polling
 *       finds it too).
 * </ul>
 *
 * Binds to loopback unless configured otherwise; the platform reaches it through the operator's HTTPS proxy. A client
 * that stalls cannot hold it: headers and body must arrive within their timeouts or the connection is closed, and past
 * {@value #THREADS} workers and their queue a request is answered 503 or closed ({@link BoundedHttpServer},
 * {@link HttpLimits#of(int)}).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Request-handling threads. Handling is a few database writes; four keep a burst moving. */
    public static final int THREADS = 4;
    /** The limits unless told otherwise: {@value #THREADS} workers, a queue of 16, 10 s for headers and body. */
    public static final HttpLimits LIMITS = HttpLimits.of(THREADS);

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";
    /** How much of a refused body is read and dropped so that its sender gets the 413; see {@link #discardRest}. */
    private static final int DISCARD_FACTOR = 4;

    private final BoundedHttpServer server;
    private final WebhookSignature signature;
    private final WebhookSettings settings;
    private final Predicate<InboundEvent> router;
    private final Map<String, Account> accounts;
    private final Clock clock;

    private WebhookReceiver(
            WebhookSettings settings,
            Secret consumerSecret,
            Predicate<InboundEvent> router,
            Collection<Account> accounts,
            Clock clock,
            HttpLimits limits)
            throws IOException {
        this.settings = settings;
        this.signature = new WebhookSignature(consumerSecret);
        this.router = router;
        this.clock = clock;
        Map<String, Account> byId = new HashMap<>();
        accounts.stream().filter(a -> a.userId() != null).forEach(a -> byId.put(a.userId(), a));
        this.accounts = Map.copyOf(byId);
        this.server = BoundedHttpServer.bind(
                new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()),
                0,
                limits,
                "bridle-webhook");
        server.handle("/", this::handle);
    }

    /**
     * Starts listening.
     *
     * @param router where events go ({@code InboundRouter::accept}); returns whether the message was new
     * @param accounts the operator's accounts, with their user ids
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static WebhookReceiver start(
            WebhookSettings settings,
            Secret consumerSecret,
            Predicate<InboundEvent> router,
            Collection<Account> accounts,
            Clock clock) {
        return start(settings, consumerSecret, router, accounts, clock, LIMITS);
    }

    /**
     * {@link #start(WebhookSettings, Secret, Predicate, Collection, Clock)} with other limits (tests use short
     * timeouts).
     */
    public static WebhookReceiver start(
            WebhookSettings settings,
            Secret consumerSecret,
            Predicate<InboundEvent> router,
            Collection<Account> accounts,
            Clock clock,
            HttpLimits limits) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(clock, "clock");
        try {
            WebhookReceiver receiver = new WebhookReceiver(settings, consumerSecret, router, accounts, clock, limits);
            receiver.server.start();
            log.info("Account Activity webhook listening on {}", receiver.url());
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen for webhooks on " + settings.bindAddress() + ":" + settings.port() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Where the endpoint listens, e.g. {@code http://127.0.0.1:8787/webhooks/account-activity}. */
    public URI url() {
        InetSocketAddress address = server.address();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + settings.path());
    }

    /** The server, for tests that watch its load. */
    BoundedHttpServer server() {
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(settings.path())) {
                reply(exchange, 404, "{\"error\":\"not found\"}");
            } else if (exchange.getRequestMethod().equals("GET")) {
                crc(exchange);
            } else if (exchange.getRequestMethod().equals("POST")) {
                events(exchange);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                reply(exchange, 405, "{\"error\":\"method not allowed\"}");
            }
        } catch (RuntimeException e) {
            log.error("webhook request failed", e);
        }
    }

    private void crc(HttpExchange exchange) throws IOException {
        String token = query(exchange.getRequestURI().getRawQuery()).get("crc_token");
        if (token == null || token.isEmpty()) {
            reply(exchange, 400, "{\"error\":\"crc_token is missing\"}");
            return;
        }
        String answer = JSON.createObjectNode()
                .put("response_token", signature.sign(token.getBytes(StandardCharsets.UTF_8)))
                .toString();
        reply(exchange, 200, answer);
    }

    private void events(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] body = declaredTooLong(exchange) ? null : readBody(in);
        if (body == null) {
            discardRest(in);
            exchange.getResponseHeaders().set("Connection", "close");
            reply(exchange, 413, "{\"error\":\"body over " + settings.maxBodyBytes() + " bytes\"}");
            return;
        }
        Deadline.requestRead();
        if (!signature.verify(body, exchange.getRequestHeaders().getFirst(SIGNATURE_HEADER))) {
            log.warn(
                    "refused a webhook POST from {}: missing or wrong {}",
                    exchange.getRemoteAddress(),
                    SIGNATURE_HEADER);
            reply(exchange, 401, "{\"error\":\"bad signature\"}");
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            reply(exchange, 400, "{\"error\":\"the body is not JSON\"}");
            return;
        }
        if (json == null || !json.isObject()) {
            reply(exchange, 400, "{\"error\":\"the body is not a JSON object\"}");
            return;
        }
        List<InboundEvent> events = AccountActivityEvents.read(json, accounts, clock);
        boolean failed = false;
        for (InboundEvent event : events) {
            try {
                router.test(event);
            } catch (RuntimeException e) {
                failed = true;
                log.error(
                        "could not handle webhook {} {} from {}; answering 500 so it is sent again",
                        event.kind(),
                        event.id(),
                        event.author(),
                        e);
            }
        }
        reply(exchange, failed ? 500 : 200, failed ? "{\"error\":\"not all events were handled\"}" : "{}");
    }

    /** Whether the request says its body is longer than the limit: then it is refused unread. */
    private boolean declaredTooLong(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length != null && Long.parseLong(length.trim()) > settings.maxBodyBytes();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The body, or null if it is longer than the limit. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
        return body.length > settings.maxBodyBytes() ? null : body;
    }

    /**
     * Reads and drops what is left of a refused body, up to {@value #DISCARD_FACTOR} times the limit, under the body's
     * deadline. Closing a connection with the body unread makes the kernel answer the sender's next bytes with a reset,
     * which often reaches the client before the 413 does; beyond that much, the client is hostile and the reset is its.
     */
    private void discardRest(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = (long) DISCARD_FACTOR * settings.maxBodyBytes();
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
            left -= n;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        Deadline.answering();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening, letting requests in progress finish for up to a second. */
    @Override
    public void close() {
        server.close();
    }
}
