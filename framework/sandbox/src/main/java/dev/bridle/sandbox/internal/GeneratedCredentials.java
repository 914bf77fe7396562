package dev.bridle.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic fake credentials: the same seed and label always give the same key, so a test or a demo can print them
 * once and rely on them. Lengths follow the platform's (consumer key 25, secret 50, access token {@code <user
 * id>-<40>}, token secret 45).
 */
public final class GeneratedCredentials {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private GeneratedCredentials() {}

    /** {@code length} base-62 characters derived from the seed and the label. */
    public static String derive(long seed, String label, int length) {
        StringBuilder out = new StringBuilder(length);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int block = 0;
            while (out.length() < length) {
                byte[] digest = sha.digest((seed + ":" + label + ":" + block++).getBytes(StandardCharsets.UTF_8));
                for (byte b : digest) {
                    if (out.length() == length) {
                        break;
                    }
                    out.append(ALPHABET[(b & 0xFF) % ALPHABET.length]);
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        return out.toString();
    }
}
