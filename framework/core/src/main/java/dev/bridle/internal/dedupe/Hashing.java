package dev.bridle.internal.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hash functions fingerprints are made of. Fixed forever: stored fingerprints depend on them. */
final class Hashing {

    private Hashing() {}

    /** The first 64 bits of SHA-256 of {@code text} in UTF-8; never 0, which marks "no hash". */
    static long sha256Prefix(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xFF);
            }
            return h == 0 ? 1 : h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A 32-bit hash of {@code text}: FNV-1a over the UTF-16 units, finished with a 64-bit mixer. */
    static int hash32(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return (int) (mix64(h) >>> 32);
    }

    /** The SplitMix64 finaliser: a cheap bijective mixer with good avalanche. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
