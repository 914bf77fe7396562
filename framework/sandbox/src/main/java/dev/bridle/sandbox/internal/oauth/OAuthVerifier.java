package dev.bridle.sandbox.internal.oauth;

import dev.bridle.sandbox.internal.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks OAuth 1.0a HMAC-SHA1 signatures the way twitter4j 4.0.7 makes them.
 *
 * <p>What is signed: the {@code oauth_*} header parameters (not {@code oauth_signature}, not {@code realm}), the query
 * parameters, and the body parameters only when the body is {@code application/x-www-form-urlencoded}. A JSON body is
 * never signed: twitter4j sends it as a single {@code HttpParameter(JSONObject)} whose name and value are null, and
 * {@code encodeParameters} skips JSON parameters, so it adds nothing to the base string.
 *
 * <p>Refusals: unknown consumer key or bad signature → 401 / 32; unknown or revoked token → 401 / 89;
 * {@code oauth_timestamp} further than the tolerance from the sandbox clock → 401 / 135; a nonce seen before within the
 * window → 401 / 32.
 */
public final class OAuthVerifier {
    private final CredentialLookup credentials;
    private final Clock clock;
    private final Duration tolerance;
    private final NonceCache nonces = new NonceCache();

    public OAuthVerifier(CredentialLookup credentials, Clock clock, Duration tolerance) {
        this.credentials = credentials;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * Verifies one request.
     *
     * @param method the HTTP method
     * @param baseUrl see {@link SignatureBase#baseUrl}
     * @param query the decoded query parameters
     * @param form the decoded form body parameters (empty when the body is not a form)
     * @param authorization the Authorization header, or null
     */
    public Verification verify(
            String method, String baseUrl, List<Param> query, List<Param> form, String authorization) {
        Optional<Map<String, String>> header = OAuthHeader.parse(authorization);
        if (header.isEmpty()) {
            return reject(ErrorCode.AUTH_FAILED, "no OAuth Authorization header");
        }
        Map<String, String> oauth = header.get();
        String consumerKey = oauth.get("oauth_consumer_key");
        String signature = oauth.get("oauth_signature");
        String token = oauth.get("oauth_token");
        String nonce = oauth.get("oauth_nonce");
        String timestamp = oauth.get("oauth_timestamp");
        if (consumerKey == null || signature == null || nonce == null || timestamp == null) {
            return reject(
                    ErrorCode.AUTH_FAILED,
                    "missing oauth_consumer_key, oauth_signature, oauth_nonce or " + "oauth_timestamp");
        }
        if (!"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
            return reject(ErrorCode.AUTH_FAILED, "oauth_signature_method is not HMAC-SHA1");
        }
        String version = oauth.get("oauth_version");
        if (version != null && !version.equals("1.0")) {
            return reject(ErrorCode.AUTH_FAILED, "oauth_version is not 1.0");
        }
        Optional<String> consumerSecret = credentials.consumerSecret(consumerKey);
        if (consumerSecret.isEmpty()) {
            return reject(ErrorCode.AUTH_FAILED, "unknown consumer key " + consumerKey);
        }
        if (token == null) {
            return reject(ErrorCode.AUTH_FAILED, "no oauth_token: every sandbox endpoint needs user context");
        }
        Optional<CredentialLookup.TokenOwner> owner = credentials.token(token);
        if (owner.isEmpty() || owner.get().revoked()) {
            return reject(ErrorCode.INVALID_TOKEN, owner.isEmpty() ? "unknown access token" : "revoked access token");
        }
        long now = clock.instant().getEpochSecond();
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return reject(ErrorCode.TIMESTAMP_OUT_OF_BOUNDS, "oauth_timestamp is not a number");
        }
        if (Math.abs(now - ts) > tolerance.toSeconds()) {
            return reject(
                    ErrorCode.TIMESTAMP_OUT_OF_BOUNDS,
                    "oauth_timestamp " + ts + " is " + (ts - now) + " s from the sandbox clock");
        }
        List<Param> params = new ArrayList<>();
        oauth.forEach((name, value) -> {
            if (!name.equals("oauth_signature")) {
                params.add(new Param(name, value));
            }
        });
        params.addAll(query);
        params.addAll(form);
        String tokenSecret = owner.get().tokenSecret();
        boolean matches = false;
        for (SignatureBase.Ordering ordering : SignatureBase.Ordering.values()) {
            String expected = SignatureBase.sign(
                    SignatureBase.of(method, baseUrl, params, ordering), consumerSecret.get(), tokenSecret);
            matches |= MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8));
        }
        if (!matches) {
            return reject(ErrorCode.AUTH_FAILED, "signature does not match");
        }
        String nonceKey = consumerKey + "|" + token + "|" + timestamp + "|" + nonce;
        nonces.expire(now - 2 * tolerance.toSeconds());
        return switch (nonces.record(nonceKey, ts)) {
            case DROPPED -> new Verification.DroppedReplay(nonceKey);
            case REPLAY -> reject(ErrorCode.AUTH_FAILED, "nonce already used");
            case NEW -> new Verification.Verified(consumerKey, owner.get().userId(), nonceKey);
        };
    }

    /** Remembers that the request with this nonce had its connection dropped on purpose. */
    public void markDropped(String nonceKey) {
        nonces.markDropped(nonceKey);
    }

    /** Forgets every nonce (admin reset). */
    public void reset() {
        nonces.clear();
    }

    private static Verification reject(ErrorCode error, String reason) {
        return new Verification.Rejected(error, reason);
    }
}
