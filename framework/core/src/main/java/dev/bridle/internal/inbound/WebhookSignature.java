package dev.bridle.internal.inbound;

import dev.bridle.internal.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Account Activity signatures: {@code sha256=} and the Base64 of HMAC-SHA256 keyed with the app's consumer secret, over
 * the {@code crc_token} (the CRC answer) or the raw request body (the {@code x-twitter-webhooks-signature} header). X
 * API webhooks documentation, x-api-v2.md §4.
 */
final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    WebhookSignature(Secret consumerSecret) {
        if (consumerSecret == null || consumerSecret.isEmpty()) {
            throw new IllegalArgumentException("the webhook needs the app's consumer secret");
        }
        this.key = new SecretKeySpec(consumerSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code sha256=<base64 HMAC>} of {@code message}. */
    String sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code header} signs {@code body}; compared in constant time. A missing header does not. */
    boolean verify(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
