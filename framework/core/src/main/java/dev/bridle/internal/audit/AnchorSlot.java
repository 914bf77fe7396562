package dev.bridle.internal.audit;

import dev.bridle.internal.audit.LedgerRows.Head;
import dev.bridle.internal.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One of the anchor file's two slots: a line of text naming the ledger head, sealed, padded with spaces to
 * {@link #SIZE} bytes.
 *
 * <pre>
 * bridle-ledger-anchor v1 gen=7 seq=1042 hash=9f2c… seal=hmac-sha256:41ab… crc32c=0c1d2e3f
 * </pre>
 *
 * <p>{@code gen} counts the writes, so the newer slot wins. {@code seal} is an HMAC-SHA256, with the
 * {@code store.anchorKey}, of the text before it, or {@code none} without a key. {@code crc32c} is a checksum of the
 * text before it: it tells a torn or partial write (the checksum fails) from a rewrite by someone without the key (the
 * checksum holds, the seal does not).
 *
 * @param generation which write this is; higher is newer
 * @param head the ledger head it anchors
 */
record AnchorSlot(long generation, Head head) {

    /** Bytes per slot: a page, so that the two slots never share a disk block. */
    static final int SIZE = 4096;

    private static final String MAGIC = "bridle-ledger-anchor v1";
    private static final String CRC = " crc32c=";
    private static final String SEAL = " seal=";
    private static final String HMAC = "hmac-sha256:";
    private static final Pattern LINE = Pattern.compile(
            "bridle-ledger-anchor v1 gen=(\\d{1,18}) seq=(\\d{1,18}) hash=([0-9a-f]{64}) seal=(none|hmac-sha256:[0-9a-f]{64})");

    /** What reading a slot found: a slot, or why there is none ({@code damaged}: torn, not tampered). */
    record Reading(AnchorSlot slot, String problem, boolean damaged) {
        static Reading of(AnchorSlot slot) {
            return new Reading(slot, null, false);
        }

        static Reading damaged(String why) {
            return new Reading(null, why, true);
        }

        static Reading refused(String why) {
            return new Reading(null, why, false);
        }
    }

    /** The slot as {@link #SIZE} bytes, sealed with {@code key} if there is one. */
    byte[] encode(Secret key) {
        String text = MAGIC + " gen=" + generation + " seq=" + head.seq() + " hash=" + head.hash();
        text += SEAL + (key == null ? "none" : HMAC + hmac(key, text));
        text += CRC + crc(text);
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, (byte) ' ');
        byte[] line = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(line, 0, bytes, 0, line.length);
        bytes[SIZE - 1] = '\n';
        return bytes;
    }

    /** Reads a slot's bytes (fewer than {@link #SIZE} if the file is short), checking them with {@code key}. */
    static Reading decode(byte[] bytes, Secret key) {
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        int crcAt = text.lastIndexOf(CRC);
        if (text.isEmpty() || text.chars().allMatch(c -> c == 0)) {
            return Reading.damaged("is empty");
        }
        if (crcAt < 0 || !text.substring(crcAt + CRC.length()).equals(crc(text.substring(0, crcAt)))) {
            return Reading.damaged("fails its checksum (a torn or partial write)");
        }
        Matcher m = LINE.matcher(text.substring(0, crcAt));
        if (!m.matches()) {
            return Reading.refused("passes its checksum but is not an anchor Bridle writes (it was edited)");
        }
        AnchorSlot slot = new AnchorSlot(Long.parseLong(m.group(1)), new Head(Long.parseLong(m.group(2)), m.group(3)));
        String seal = m.group(4);
        if (key == null) {
            return seal.equals("none")
                    ? Reading.of(slot)
                    : Reading.refused(
                            "is sealed with a key, but store.anchorKey is not set: set it to the key the anchor was written with");
        }
        if (seal.equals("none")) {
            return Reading.refused("was written without a key, but store.anchorKey is set: it may have been rewritten"
                    + " by someone without the key (if the key is new, accept the current head once)");
        }
        String body = text.substring(0, text.lastIndexOf(SEAL));
        byte[] expected = hmac(key, body).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = seal.substring(HMAC.length()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual)
                ? Reading.of(slot)
                : Reading.refused(
                        "fails its HMAC: it was written by someone without store.anchorKey, or with another key");
    }

    /** The slot's text as a log may show it: without padding, anything unprintable as {@code ?}. */
    static String describe(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII).strip().replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        return String.format("%08x", crc.getValue());
    }

    private static String hmac(Secret key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256 and takes any non-empty key", e);
        }
    }
}
