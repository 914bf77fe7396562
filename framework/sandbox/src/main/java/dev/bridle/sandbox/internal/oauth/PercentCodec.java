package dev.bridle.sandbox.internal.oauth;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Percent-encoding as OAuth 1.0a needs it (RFC 5849 §3.6: RFC 3986 unreserved characters stay, everything else is
 * {@code %XX} of its UTF-8 bytes, upper-case hex). twitter4j 4.0.7 gets the same result from {@code URLEncoder} plus
 * {@code * → %2A}, {@code + → %20}, {@code %7E → ~} ({@code HttpParameter.encode}).
 */
public final class PercentCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCodec() {}

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    /** Decodes {@code %XX} only ({@code +} stays {@code +}): for Authorization header values. */
    public static String decodeStrict(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            int next = value.indexOf('%', i);
            int end = next < 0 ? value.length() : next;
            byte[] plain = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
            out.write(plain, 0, plain.length);
            if (next < 0) {
                break;
            }
            if (next + 2 >= value.length()) {
                throw new IllegalArgumentException("bad percent-encoding in " + value);
            }
            int hi = Character.digit(value.charAt(next + 1), 16);
            int lo = Character.digit(value.charAt(next + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad percent-encoding in " + value);
            }
            out.write((hi << 4) | lo);
            i = next + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Parses {@code a=1&b=two%20words} as a query string or a form body ({@code +} is a space), the way twitter4j's
     * {@code parseGetParameters} does for the signature: a pair without {@code =} has an empty value.
     */
    public static List<Param> parseForm(String raw) {
        List<Param> params = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new Param(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return params;
    }
}
