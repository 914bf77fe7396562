package dev.bridle.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bridle.sandbox.internal.oauth.Param;
import dev.bridle.sandbox.internal.oauth.PercentCodec;
import dev.bridle.sandbox.internal.oauth.SignatureBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A small OAuth 1.0a client for tests: signs with the sandbox clock's time (so tests can move the clock past windows
 * without twitter4j's wall-clock timestamps going stale).
 */
final class TestClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicLong NONCES = new AtomicLong();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Sandbox sandbox;
    private final Clock clock;
    private final String consumerKey;
    private final String consumerSecret;
    private final String token;
    private final String tokenSecret;
    private final Duration timestampOffset;
    /** An app-only bearer token sent instead of an OAuth 1.0a signature, or null. */
    private final String bearer;

    private TestClient(
            Sandbox sandbox,
            Clock clock,
            String consumerKey,
            String consumerSecret,
            String token,
            String tokenSecret,
            Duration timestampOffset,
            String bearer) {
        this.sandbox = sandbox;
        this.clock = clock;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.token = token;
        this.tokenSecret = tokenSecret;
        this.timestampOffset = timestampOffset;
        this.bearer = bearer;
    }

    static TestClient of(Sandbox sandbox, Clock clock, String handle) {
        SandboxAccount a = sandbox.account(handle);
        return new TestClient(
                sandbox,
                clock,
                sandbox.app().consumerKey(),
                sandbox.app().consumerSecret(),
                a.accessToken(),
                a.accessTokenSecret(),
                Duration.ZERO,
                null);
    }

    /** The same client sending {@code Authorization: Bearer token} (app-only) instead of signing. */
    TestClient withBearer(String token) {
        return new TestClient(
                sandbox, clock, consumerKey, consumerSecret, this.token, tokenSecret, timestampOffset, token);
    }

    /** An app-only client of the sandbox's app: its bearer token fetched from {@code POST /oauth2/token}. */
    static TestClient appOnly(Sandbox sandbox, Clock clock, String handle) throws IOException {
        SandboxApp app = sandbox.app();
        return of(sandbox, clock, handle).withBearer(bearerToken(sandbox, app.consumerKey(), app.consumerSecret()));
    }

    /** {@code POST /oauth2/token} with these client credentials, as X documents it. */
    static Response requestToken(Sandbox sandbox, String key, String secret, String body) throws IOException {
        return basic(sandbox, "oauth2/token", key, secret, body);
    }

    /** A token endpoint request with HTTP Basic: each half URL-encoded, joined with ':' and Base64-encoded. */
    static Response basic(Sandbox sandbox, String path, String key, String secret, String body) throws IOException {
        String joined = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The app's bearer token. */
    static String bearerToken(Sandbox sandbox, String key, String secret) throws IOException {
        Response r = requestToken(sandbox, key, secret, "grant_type=client_credentials");
        if (r.status() != 200) {
            throw new IllegalStateException("no bearer token: " + r.status() + " " + r.body());
        }
        return r.json().path("access_token").asText();
    }

    TestClient withConsumer(String key, String secret) {
        return new TestClient(sandbox, clock, key, secret, token, tokenSecret, timestampOffset, bearer);
    }

    TestClient withToken(String newToken, String newSecret) {
        return new TestClient(
                sandbox, clock, consumerKey, consumerSecret, newToken, newSecret, timestampOffset, bearer);
    }

    TestClient withTimestampOffset(Duration offset) {
        return new TestClient(sandbox, clock, consumerKey, consumerSecret, token, tokenSecret, offset, bearer);
    }

    Response get(String path, String... query) throws IOException {
        return send("GET", path, params(query), List.of(), null);
    }

    Response delete(String path) throws IOException {
        return send("DELETE", path, List.of(), List.of(), null);
    }

    Response postJson(String path, String json) throws IOException {
        return send("POST", path, List.of(), List.of(), json);
    }

    /** A JSON POST with query parameters (such as {@code dry_run=true}). */
    Response postJsonWithQuery(String path, String json, String... query) throws IOException {
        return send("POST", path, params(query), List.of(), json);
    }

    Response postForm(String path, String... form) throws IOException {
        return send("POST", path, List.of(), params(form), null);
    }

    Response postQuery(String path, List<Param> query, List<Param> form) throws IOException {
        return send("POST", path, query, form, null);
    }

    /** Sends a request whose Authorization header is given verbatim (for replays). */
    Response sendRaw(String method, String path, String authorization, String json) throws IOException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(sandbox.baseUrl().resolve(path)).header("Authorization", authorization);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return execute(b.build());
    }

    String lastAuthorization;

    private Response send(String method, String path, List<Param> query, List<Param> form, String json)
            throws IOException {
        String base = sandbox.baseUrl() + path;
        String rawQuery = encode(query);
        URI uri = URI.create(rawQuery.isEmpty() ? base : base + "?" + rawQuery);
        String auth = authorization(method, base, query, form);
        lastAuthorization = auth;
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).header("Authorization", auth).timeout(Duration.ofSeconds(10));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else if (!form.isEmpty()) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return execute(b.build());
    }

    private Response execute(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    String authorization(String method, String baseUrl, List<Param> query, List<Param> form) {
        if (bearer != null) {
            return "Bearer " + bearer;
        }
        List<Param> oauth = new ArrayList<>();
        oauth.add(new Param("oauth_consumer_key", consumerKey));
        oauth.add(new Param("oauth_nonce", "n" + NONCES.incrementAndGet()));
        oauth.add(new Param("oauth_signature_method", "HMAC-SHA1"));
        oauth.add(new Param(
                "oauth_timestamp",
                Long.toString(clock.instant().plus(timestampOffset).getEpochSecond())));
        oauth.add(new Param("oauth_token", token));
        oauth.add(new Param("oauth_version", "1.0"));
        List<Param> all = new ArrayList<>(oauth);
        all.addAll(query);
        all.addAll(form);
        String signature = SignatureBase.sign(
                SignatureBase.of(method, baseUrl, all, SignatureBase.Ordering.RFC5849), consumerSecret, tokenSecret);
        oauth.add(new Param("oauth_signature", signature));
        return "OAuth "
                + oauth.stream()
                        .map(p -> PercentCodec.encode(p.name()) + "=\"" + PercentCodec.encode(p.value()) + "\"")
                        .collect(Collectors.joining(", "));
    }

    private static List<Param> params(String... kv) {
        List<Param> list = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            list.add(new Param(kv[i], kv[i + 1]));
        }
        return list;
    }

    private static String encode(List<Param> params) {
        return params.stream()
                .map(p -> PercentCodec.encode(p.name()) + "=" + PercentCodec.encode(p.value()))
                .collect(Collectors.joining("&"));
    }

    /** An answer. */
    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        int intHeader(String name) {
            return Integer.parseInt(header(name));
        }
    }
}
