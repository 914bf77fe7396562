package dev.bridle.sandbox.internal.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxApp;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.SandboxWebhook;
import dev.bridle.sandbox.WebhookDelivery;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.Mentions;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import dev.bridle.sandbox.internal.world.WorldListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Account Activity webhooks: registration with the CRC check, and delivery of what simulated users do to the accounts
 * (mentions and replies as {@code tweet_create_events}, direct messages as {@code direct_message_events}), one POST per
 * subscribed account, signed with the app's consumer secret. Every account is subscribed. Deliveries are synchronous,
 * so a test sees them when the injection returns.
 *
 * <p>Unlike the platform, plain {@code http} and a port are allowed, and only loopback hosts: the sandbox never sends
 * anything off the machine.
 */
public final class WebhookRegistry implements WorldListener {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final World world;
    private final Clock clock;
    private final Random random;
    private final Map<String, SandboxApp> apps;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, SandboxWebhook> webhooks = new LinkedHashMap<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private long nextId = 1;

    public WebhookRegistry(World world, Clock clock, long seed, List<SandboxApp> apps) {
        this.world = world;
        this.clock = clock;
        this.random = new Random(seed);
        this.apps = new LinkedHashMap<>();
        apps.forEach(a -> this.apps.put(a.consumerKey(), a));
    }

    /**
     * Runs the CRC check against {@code url} and registers it when the answer is right.
     *
     * @throws IllegalArgumentException when the URL is not loopback http(s), or the app is unknown
     * @throws IllegalStateException when the CRC check fails (the message says how)
     */
    public SandboxWebhook register(URI url, String consumerKey) {
        requireLoopback(url);
        SandboxApp app = apps.get(consumerKey);
        if (app == null) {
            throw new IllegalArgumentException("no app with consumer key " + consumerKey);
        }
        crc(url, app);
        synchronized (this) {
            SandboxWebhook hook = new SandboxWebhook(Long.toString(nextId++), url, consumerKey, clock.instant());
            webhooks.put(hook.id(), hook);
            return hook;
        }
    }

    /** Sends {@code GET url?crc_token=...} and checks {@code response_token}. */
    private void crc(URI url, SandboxApp app) {
        String token;
        synchronized (this) {
            token = "crc" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        }
        String sep = url.getRawQuery() == null ? "?" : "&";
        URI crcUri = URI.create(url + sep + "crc_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(crcUri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("CrcValidationFailed: GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("CrcValidationFailed: interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("CrcValidationFailed: " + url + " answered " + response.statusCode());
        }
        String expected = WebhookSigner.sign(app.consumerSecret(), token);
        String got;
        try {
            JsonNode body = Json.parse(response.body());
            got = body.path("response_token").asText("");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CrcValidationFailed: the answer is not JSON", e);
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), got.getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalStateException("CrcValidationFailed: response_token is not sha256=base64(HMAC-SHA256("
                    + "consumer secret, crc_token))");
        }
    }

    public synchronized List<SandboxWebhook> webhooks() {
        return List.copyOf(webhooks.values());
    }

    public synchronized boolean remove(String id) {
        return webhooks.remove(id) != null;
    }

    public synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized void clear() {
        webhooks.clear();
        deliveries.clear();
    }

    @Override
    public void onPost(SandboxPost post) {
        UserRecord author = world.userById(post.authorId()).orElse(null);
        if (author == null || author.isAccount()) {
            return;
        }
        Set<String> targets = new LinkedHashSet<>();
        if (post.inReplyToUserId() != null) {
            targets.add(post.inReplyToUserId());
        }
        Mentions.in(post.text()).forEach(h -> world.userByHandle(h).ifPresent(u -> targets.add(u.id())));
        for (String userId : targets) {
            world.userById(userId)
                    .filter(UserRecord::isAccount)
                    .ifPresent(account -> deliver(
                            account.id(),
                            "tweet_create_events",
                            WebhookPayloads.tweetCreate(account.id(), post, world)));
        }
    }

    @Override
    public void onDm(SandboxDm dm) {
        boolean fromSimulated =
                world.userById(dm.senderId()).map(u -> !u.isAccount()).orElse(false);
        if (fromSimulated) {
            world.userById(dm.recipientId())
                    .filter(UserRecord::isAccount)
                    .ifPresent(account -> deliver(
                            account.id(),
                            "direct_message_events",
                            WebhookPayloads.directMessage(account.id(), dm, world)));
        }
    }

    private void deliver(String forUserId, String eventType, ObjectNode payload) {
        byte[] body = Json.bytes(payload);
        for (SandboxWebhook hook : webhooks()) {
            String signature = WebhookSigner.sign(apps.get(hook.consumerKey()).consumerSecret(), body);
            int status = -1;
            String error = null;
            try {
                HttpRequest request = HttpRequest.newBuilder(hook.url())
                        .timeout(TIMEOUT)
                        .header("content-type", "application/json; charset=utf-8")
                        .header("x-twitter-webhooks-signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                error = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
            synchronized (this) {
                deliveries.add(new WebhookDelivery(
                        hook.id(),
                        forUserId,
                        eventType,
                        new String(body, StandardCharsets.UTF_8),
                        signature,
                        status,
                        error));
            }
        }
    }

    static void requireLoopback(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a webhook URL is http(s): " + url);
        }
        String host = url.getHost();
        boolean loopback = false;
        if (host != null) {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (h.equalsIgnoreCase("localhost")) {
                loopback = true;
            } else if (h.matches("[0-9.]+") || h.contains(":")) {
                try {
                    loopback = InetAddress.getByName(h).isLoopbackAddress();
                } catch (IOException e) {
                    loopback = false;
                }
            }
        }
        if (!loopback) {
            throw new IllegalArgumentException(
                    "the sandbox only calls loopback webhooks (localhost, 127.0.0.0/8, " + "[::1]): " + url);
        }
    }
}
