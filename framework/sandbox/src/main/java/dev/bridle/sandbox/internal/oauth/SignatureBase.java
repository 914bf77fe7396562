package dev.bridle.sandbox.internal.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth 1.0a HMAC-SHA1 signature: base string {@code METHOD&enc(baseUrl)&enc(sorted params)}, key
 * {@code enc(consumerSecret)&enc(tokenSecret)} (RFC 5849 §3.4; twitter4j 4.0.7
 * {@code OAuthAuthorization.generateAuthorizationHeader} and {@code generateSignature}).
 */
public final class SignatureBase {

    /** How parameters are sorted before they are joined. */
    public enum Ordering {
        /** RFC 5849 §3.4.1.3.2: by encoded name, then encoded value. */
        RFC5849(Comparator.comparing((Param p) -> PercentCodec.encode(p.name()))
                .thenComparing(p -> PercentCodec.encode(p.value()))),
        /**
         * twitter4j 4.0.7 sorts the decoded {@code HttpParameter}s ({@code compareTo} on raw name, then raw value); it
         * differs from the RFC only for repeated names or characters whose encoded order differs.
         */
        TWITTER4J(Comparator.comparing(Param::name).thenComparing(Param::value));

        private final Comparator<Param> comparator;

        Ordering(Comparator<Param> comparator) {
            this.comparator = comparator;
        }
    }

    private SignatureBase() {}

    /** The signature base string. */
    public static String of(String method, String baseUrl, List<Param> params, Ordering ordering) {
        List<Param> sorted = new ArrayList<>(params);
        sorted.sort(ordering.comparator);
        StringBuilder joined = new StringBuilder();
        for (Param p : sorted) {
            if (joined.length() > 0) {
                joined.append('&');
            }
            joined.append(PercentCodec.encode(p.name())).append('=').append(PercentCodec.encode(p.value()));
        }
        return method.toUpperCase(java.util.Locale.ROOT) + "&" + PercentCodec.encode(baseUrl) + "&"
                + PercentCodec.encode(joined.toString());
    }

    /** Base64 of HMAC-SHA1 over {@code base}; {@code tokenSecret} may be empty (no token). */
    public static String sign(String base, String consumerSecret, String tokenSecret) {
        String key = PercentCodec.encode(consumerSecret) + "&" + PercentCodec.encode(tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /**
     * The base URL as twitter4j forms it ({@code constructRequestURL}): scheme and host lower-cased, the port kept
     * unless it is the default for the scheme, the path as sent, no query.
     */
    public static String baseUrl(String scheme, String hostHeader, String rawPath) {
        String s = scheme.toLowerCase(java.util.Locale.ROOT);
        String host = hostHeader.toLowerCase(java.util.Locale.ROOT);
        if (s.equals("http") && host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        } else if (s.equals("https") && host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        return s + "://" + host + rawPath;
    }
}
