package dev.bridle.sandbox.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Account Activity signatures: {@code sha256=} + Base64(HMAC-SHA256(key = consumer secret, message)), for the CRC
 * {@code response_token} (message = the crc_token) and the {@code x-twitter-webhooks-signature} header (message = the
 * raw body bytes). Source: docs.x.com webhooks introduction (x-api-v2.md §4).
 */
public final class WebhookSigner {
    private WebhookSigner() {}

    public static String sign(String consumerSecret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(consumerSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static String sign(String consumerSecret, String message) {
        return sign(consumerSecret, message.getBytes(StandardCharsets.UTF_8));
    }
}
