package dev.bridle.internal.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a text, as the ledger stores it in place of the text itself.
 *
 * <pre>{@code
 * String hash = ContentHash.sha256Hex("Thanks for the mention!"); // 64 lower-case hex digits
 * }</pre>
 */
public final class ContentHash {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private ContentHash() {}

    /** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        Objects.requireNonNull(text, "text");
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code s} looks like a {@link #sha256Hex} result: 64 lower-case hex digits. */
    public static boolean isSha256Hex(String s) {
        return s != null && HEX_64.matcher(s).matches();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
