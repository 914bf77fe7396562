package dev.bridle.internal.audit;

import dev.bridle.internal.audit.LedgerRows.Head;
import dev.bridle.internal.secret.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger anchor file: two {@link AnchorSlot}s, at 0 and {@link AnchorSlot#SIZE}. Each write replaces the older slot
 * (or a damaged one) in place, so that a torn write leaves the other intact; a new file is written whole beside it and
 * renamed into place.
 *
 * <p>Writers in this JVM take turns on a lock per file; other processes (two nodes on one machine) on an OS lock. Each
 * write reads the slots first and moves the anchor only forward, along the chain: see {@link #advance}.
 *
 * <p>Writes are not synced, except that of a new file and {@link #force()}: the anchor is written only after the
 * database has forced the rows it names to disk, so losing the last writes in a power cut leaves the anchor behind the
 * ledger, which {@code audit verify} notes and which is safe. Ahead of the ledger it cannot get.
 */
final class AnchorFile {

    private static final ConcurrentHashMap<Path, Object> TURNS = new ConcurrentHashMap<>();

    /** Where the hash of the row at a seq is, when the anchor is to be moved past rows it did not see. */
    @FunctionalInterface
    interface RowHashes {
        /** The hash of row {@code seq}, or empty if there is no such row. */
        Optional<String> at(long seq) throws SQLException;
    }

    /** What {@link #advance} did. */
    enum Outcome {
        /** The anchor now names the new head. */
        WRITTEN,
        /** The anchor already names this head or one after it (another writer's). */
        ALREADY_AHEAD,
        /** There is no anchor, and the ledger had rows: only an operator starts one (bridle audit anchor). */
        NO_ANCHOR,
        /** The anchor cannot be trusted, or the ledger does not continue it: it was left as it was. */
        REFUSED
    }

    private final Path path;
    private final Secret key;

    AnchorFile(Path path, Secret key) {
        this.path = path.toAbsolutePath().normalize();
        this.key = key;
    }

    Path path() {
        return path;
    }

    /** What the file says now. */
    AnchorState read() throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return AnchorState.of(path, slots(channel), key);
        } catch (NoSuchFileException e) {
            return AnchorState.missing(path);
        }
    }

    /** The file's slots as they are, for a log line: each one's text, or what is wrong with it. */
    String describe() throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            byte[] bytes = slots(channel);
            int half = Math.min(bytes.length, AnchorSlot.SIZE);
            return "slot 1 [" + AnchorSlot.describe(java.util.Arrays.copyOfRange(bytes, 0, half)) + "] slot 2 ["
                    + AnchorSlot.describe(java.util.Arrays.copyOfRange(bytes, half, bytes.length)) + "]";
        } catch (NoSuchFileException e) {
            return "no file";
        }
    }

    /**
     * Moves the anchor from {@code before}, the head a commit continued, to {@code after}, the head it left. The anchor
     * moves only if the ledger still continues it: if it names {@code before}, or the row at its seq still has its hash
     * ({@code rows} is asked only then: another node, or an append outside the group commit, wrote rows in between). A
     * missing file is created only for a ledger that was empty ({@code before} at seq 0).
     */
    Outcome advance(Head before, Head after, RowHashes rows) throws IOException, SQLException {
        synchronized (TURNS.computeIfAbsent(path, p -> new Object())) {
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                if (before.seq() != 0) {
                    return Outcome.NO_ANCHOR;
                }
                create(new AnchorSlot(1, after));
                return Outcome.WRITTEN;
            }
            try (channel;
                    FileLock lock = channel.lock()) {
                AnchorState state = AnchorState.of(path, slots(channel), key);
                if (state.kind() != AnchorState.Kind.VALID) {
                    return Outcome.REFUSED;
                }
                Head anchored = state.slot().head();
                if (!anchored.equals(before)) {
                    if (after.seq() <= anchored.seq()) {
                        return Outcome.ALREADY_AHEAD;
                    }
                    Optional<String> hash =
                            anchored.seq() == 0 ? Optional.of(ChainHash.GENESIS) : rows.at(anchored.seq());
                    if (!hash.equals(Optional.of(anchored.hash()))) {
                        return Outcome.REFUSED;
                    }
                }
                byte[] slot = new AnchorSlot(state.slot().generation() + 1, after).encode(key);
                channel.write(ByteBuffer.wrap(slot), (long) (1 - state.index()) * AnchorSlot.SIZE);
                return Outcome.WRITTEN;
            }
        }
    }

    /**
     * Replaces the file, whatever it holds, by one anchoring {@code head} (both slots), synced. Only the operator's
     * accept step and a new file call this.
     */
    void replace(Head head, long generation) throws IOException {
        synchronized (TURNS.computeIfAbsent(path, p -> new Object())) {
            create(new AnchorSlot(generation, head));
        }
    }

    /** Syncs the file to disk (at close: a clean stop leaves a durable anchor). */
    void force() throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (NoSuchFileException e) {
            // nothing to sync
        }
    }

    /** Writes both slots to a new file beside the anchor, syncs it, renames it into place, syncs the directory. */
    private void create(AnchorSlot slot) throws IOException {
        Files.createDirectories(path.getParent());
        Path temp = path.resolveSibling(path.getFileName() + ".new");
        byte[] bytes = slot.encode(key);
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes), 0);
            channel.write(ByteBuffer.wrap(bytes), AnchorSlot.SIZE);
            channel.force(true);
        }
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(path.getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some systems cannot open a directory; the rename is then as durable as they make it
        }
    }

    private static byte[] slots(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(2 * AnchorSlot.SIZE);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read on: a short read is not the end of the file
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }
}
