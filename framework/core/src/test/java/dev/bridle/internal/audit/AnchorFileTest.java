package dev.bridle.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.audit.AnchorFile.Outcome;
import dev.bridle.internal.audit.LedgerRows.Head;
import dev.bridle.internal.secret.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor file on its own: two checksummed, optionally keyed slots, moved only forward along the chain. */
class AnchorFileTest {

    static final Secret KEY = Secret.of("0123456789abcdef0123456789abcdef-test-key");
    private static final Head H1 = new Head(1, "a".repeat(64));
    private static final Head H2 = new Head(2, "b".repeat(64));
    private static final Head H3 = new Head(3, "c".repeat(64));
    private static final Head START = new Head(0, ChainHash.GENESIS);
    private static final AnchorFile.RowHashes NO_ROWS = seq -> Optional.empty();

    @TempDir
    Path dir;

    private AnchorFile file(Secret key) {
        return new AnchorFile(dir.resolve("bridle.ledger-anchor"), key);
    }

    @Test
    void aNewLedgerIsAnchoredAndEachCommitMovesTheAnchorToTheNewerSlot() throws Exception {
        AnchorFile file = file(KEY);

        assertThat(file.advance(START, H1, NO_ROWS)).isEqualTo(Outcome.WRITTEN);
        assertThat(file.advance(H1, H2, NO_ROWS)).isEqualTo(Outcome.WRITTEN);
        assertThat(file.advance(H2, H3, NO_ROWS)).isEqualTo(Outcome.WRITTEN);

        AnchorState state = file.read();
        assertThat(state.kind()).isEqualTo(AnchorState.Kind.VALID);
        assertThat(state.slot().head()).isEqualTo(H3);
        assertThat(state.note()).isNull();
        assertThat(Files.size(file.path())).isEqualTo(2L * AnchorSlot.SIZE);
        assertThat(Files.readString(file.path()))
                .contains("seq=3 hash=" + "c".repeat(64) + " seal=hmac-sha256:")
                .doesNotContain(KEY.reveal());
    }

    @Test
    void anAnchorIsNotStartedForALedgerThatAlreadyHasRows() throws Exception {
        assertThat(file(null).advance(H1, H2, NO_ROWS)).isEqualTo(Outcome.NO_ANCHOR);
        assertThat(file(null).read().kind()).isEqualTo(AnchorState.Kind.MISSING);
    }

    @Test
    void theAnchorNeverMovesBackNorOverRowsThatNoLongerMatch() throws Exception {
        AnchorFile file = file(null);
        file.advance(START, H2, NO_ROWS);

        // another writer's older commit lands late: nothing to do
        assertThat(file.advance(H1, new Head(2, "d".repeat(64)), NO_ROWS)).isEqualTo(Outcome.ALREADY_AHEAD);
        // rows after the anchor by another node: moved on only if row 2 still has the anchored hash
        assertThat(file.advance(
                        new Head(5, "e".repeat(64)), new Head(6, "f".repeat(64)), seq -> Optional.of("9".repeat(64))))
                .isEqualTo(Outcome.REFUSED);
        assertThat(file.read().slot().head()).isEqualTo(H2);
        assertThat(file.advance(
                        new Head(5, "e".repeat(64)), new Head(6, "f".repeat(64)), seq -> Optional.of(H2.hash())))
                .isEqualTo(Outcome.WRITTEN);
        assertThat(file.read().slot().head().seq()).isEqualTo(6);
    }

    @Test
    void aTornSlotIsToleratedAndTheOtherStands() throws Exception {
        AnchorFile file = file(KEY);
        file.advance(START, H1, NO_ROWS);
        file.advance(H1, H2, NO_ROWS); // slot 2 holds row 2, slot 1 row 1

        tear(file.path(), AnchorSlot.SIZE);

        AnchorState state = file.read();
        assertThat(state.kind()).isEqualTo(AnchorState.Kind.VALID);
        assertThat(state.slot().head()).isEqualTo(H1);
        assertThat(state.note())
                .contains("slot 2 of the ledger anchor")
                .contains("fails its checksum (a torn or partial write)");
        // the next write goes into the torn slot, and both are whole again
        assertThat(file.advance(H2, H3, seq -> Optional.of(H1.hash()))).isEqualTo(Outcome.WRITTEN);
        assertThat(file.read().note()).isNull();
        assertThat(file.read().slot().head()).isEqualTo(H3);
    }

    @Test
    void bothSlotsDamagedIsNotATornWrite() throws Exception {
        AnchorFile file = file(null);
        file.advance(START, H1, NO_ROWS);

        tear(file.path(), 0);
        tear(file.path(), AnchorSlot.SIZE);

        assertThat(file.read().kind()).isEqualTo(AnchorState.Kind.INVALID);
        assertThat(file.read().problem()).startsWith("is unreadable: both its slots are damaged");
        assertThat(file.advance(H1, H2, NO_ROWS)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aSlotRewrittenWithoutTheKeyFailsItsSealThoughItsChecksumHolds() throws Exception {
        AnchorFile file = file(KEY);
        file.advance(START, H1, NO_ROWS);

        byte[] forged = new AnchorSlot(9, H3).encode(Secret.of("another-key-of-at-least-32-characters!"));
        write(file.path(), 0, forged);

        assertThat(file.read().kind()).isEqualTo(AnchorState.Kind.INVALID);
        assertThat(file.read().problem())
                .isEqualTo("its slot 1 fails its HMAC: it was written by someone without"
                        + " store.anchorKey, or with another key");
        write(file.path(), 0, new AnchorSlot(9, H3).encode(null));
        assertThat(file.read().problem())
                .startsWith("its slot 1 was written without a key, but store.anchorKey is set");
        assertThat(file(null).read().problem())
                .startsWith("its slot 2 is sealed with a key, but store.anchorKey is not set");
    }

    @Test
    void anEditThatKeepsTheChecksumIsRefused() throws Exception {
        AnchorFile file = file(null);
        file.advance(START, H1, NO_ROWS);
        String text = "bridle-ledger-anchor v1 gen=5 seq=x";

        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(text.getBytes());
        byte[] slot = new byte[AnchorSlot.SIZE];
        java.util.Arrays.fill(slot, (byte) ' ');
        byte[] line = (text + " crc32c=" + String.format("%08x", crc.getValue())).getBytes();
        System.arraycopy(line, 0, slot, 0, line.length);
        write(file.path(), 0, slot);

        assertThat(file.read().problem())
                .startsWith("its slot 1 passes its checksum but is not an anchor Bridle writes");
    }

    @Test
    void replacingWritesBothSlots() throws Exception {
        AnchorFile file = file(KEY);
        file.advance(START, H3, NO_ROWS);

        file.replace(H1, 7);

        assertThat(file.read().slot()).isEqualTo(new AnchorSlot(7, H1));
        tear(file.path(), 0);
        assertThat(file.read().slot()).isEqualTo(new AnchorSlot(7, H1));
    }

    /** Overwrites the second half of a slot with zeros, as a write cut short by a power cut might leave it. */
    static void tear(Path file, long slotOffset) throws IOException {
        write(file, slotOffset + 40, new byte[AnchorSlot.SIZE - 40]);
    }

    static void write(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(bytes), offset);
        }
    }
}
