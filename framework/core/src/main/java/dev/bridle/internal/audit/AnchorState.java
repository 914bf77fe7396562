package dev.bridle.internal.audit;

import dev.bridle.internal.audit.AnchorSlot.Reading;
import dev.bridle.internal.secret.Secret;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the anchor file says: nothing (an in-memory store has no anchor), that it is missing, that it cannot be trusted
 * (and why), or the ledger head it anchors.
 *
 * <p>Of the two slots, the newer one that reads back intact is the anchor. A slot that fails its checksum is taken for
 * a torn write: the other slot stands, with a note. A slot that passes its checksum and fails its seal, or both slots
 * damaged, make the whole anchor untrustworthy: no single torn write does that.
 *
 * @param kind which of these it is
 * @param file the anchor file, or {@code null} for {@link Kind#NONE}
 * @param slot the anchor, for {@link Kind#VALID}
 * @param index which slot holds it, 0 or 1, for {@link Kind#VALID}
 * @param problem why it cannot be trusted, for {@link Kind#INVALID}
 * @param note what was odd but tolerated (a torn slot), or {@code null}
 */
record AnchorState(Kind kind, Path file, AnchorSlot slot, int index, String problem, String note) {

    /** What was found. */
    enum Kind {
        NONE,
        MISSING,
        INVALID,
        VALID
    }

    static AnchorState none() {
        return new AnchorState(Kind.NONE, null, null, -1, null, null);
    }

    static AnchorState missing(Path file) {
        return new AnchorState(Kind.MISSING, file, null, -1, null, null);
    }

    /** The state of a file whose first {@code 2 * AnchorSlot.SIZE} bytes (or fewer) are {@code bytes}. */
    static AnchorState of(Path file, byte[] bytes, Secret key) {
        Reading[] slots = {
            AnchorSlot.decode(Arrays.copyOfRange(bytes, 0, Math.min(bytes.length, AnchorSlot.SIZE)), key),
            AnchorSlot.decode(
                    Arrays.copyOfRange(
                            bytes,
                            Math.min(bytes.length, AnchorSlot.SIZE),
                            Math.min(bytes.length, 2 * AnchorSlot.SIZE)),
                    key)
        };
        for (int i = 0; i < 2; i++) {
            if (slots[i].slot() == null && !slots[i].damaged()) {
                return invalid(file, "its slot " + (i + 1) + " " + slots[i].problem());
            }
        }
        if (slots[0].slot() == null && slots[1].slot() == null) {
            return invalid(
                    file,
                    "is unreadable: both its slots are damaged (slot 1 " + slots[0].problem() + ", slot 2 "
                            + slots[1].problem() + "), which no single torn write does");
        }
        int newer = slots[1].slot() == null || slots[0].slot() != null && !isNewer(slots[1].slot(), slots[0].slot())
                ? 0
                : 1;
        Reading other = slots[1 - newer];
        String note = other.slot() != null
                ? null
                : "slot " + (2 - newer) + " of the ledger anchor at " + file + " " + other.problem() + "; slot "
                        + (newer + 1) + " was used";
        return new AnchorState(Kind.VALID, file, slots[newer].slot(), newer, null, note);
    }

    private static boolean isNewer(AnchorSlot a, AnchorSlot b) {
        return a.generation() != b.generation()
                ? a.generation() > b.generation()
                : a.head().seq() > b.head().seq();
    }

    static AnchorState invalid(Path file, String problem) {
        return new AnchorState(Kind.INVALID, file, null, -1, problem, null);
    }
}
