package dev.bridle.sandbox.internal.oauth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code Authorization: OAuth oauth_consumer_key="...", oauth_nonce="...", ...} (RFC 5849 §3.5.1):
 * comma-separated {@code name="percent-encoded value"} pairs; {@code realm} is dropped (never signed).
 */
public final class OAuthHeader {
    private OAuthHeader() {}

    /** The decoded parameters, or empty when the header is missing or not an OAuth header. */
    public static Optional<Map<String, String>> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() < 6 || !h.substring(0, 6).toLowerCase(Locale.ROOT).equals("oauth ")) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : h.substring(6).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String name = p.substring(0, eq).trim();
            String value = p.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            try {
                String decodedName = PercentCodec.decodeStrict(name);
                if (!decodedName.equals("realm")) {
                    params.put(decodedName, PercentCodec.decodeStrict(value));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
