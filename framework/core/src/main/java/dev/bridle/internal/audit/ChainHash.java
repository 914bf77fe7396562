package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerRecord;
import dev.bridle.internal.text.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The hash that chains a ledger row to the one before it: SHA-256 over a version tag, the previous row's hash, the
 * row's seq and every field of its record.
 *
 * <p>The encoding is unambiguous: each text is written as a presence byte (0 for null, 1 for a value) followed by its
 * UTF-8 length and bytes, numbers as fixed-width big-endian integers, the targets as their count followed by each
 * target. So no two different rows encode alike, whatever their texts contain.
 */
final class ChainHash {

    /** The previous hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] VERSION = "bridle-ledger-v1".getBytes(StandardCharsets.US_ASCII);

    private ChainHash() {}

    static String of(String prevHash, long seq, LedgerRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(VERSION);
            text(out, prevHash);
            out.writeLong(seq);
            out.writeLong(r.at().getEpochSecond());
            out.writeInt(r.at().getNano());
            text(out, r.requestId() == null ? null : r.requestId().toString());
            text(out, r.bot());
            text(out, r.account());
            text(out, r.actionKind());
            out.writeInt(r.targets().size());
            for (String target : r.targets()) {
                text(out, target);
            }
            text(out, r.contentHash());
            text(out, r.event().name());
            text(out, r.guard());
            text(out, r.reason());
            text(out, r.rule());
            text(out, r.message());
            text(out, r.platformId());
            text(out, r.error());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return HexFormat.of().formatHex(ContentHash.sha256().digest(bytes.toByteArray()));
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
