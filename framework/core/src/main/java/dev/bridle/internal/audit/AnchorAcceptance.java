package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerAnchorException;
import dev.bridle.audit.VerifyReport;
import dev.bridle.internal.audit.LedgerRows.Head;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's deliberate step that makes the ledger's current head its anchor: after restoring the store from a
 * backup on purpose, upgrading from a Bridle without anchors, adding a node, or setting a key. Before it replaces the
 * anchor it appends what the old one said to a log beside it ({@code bridle.ledger-anchor.log}), so that nothing is
 * erased silently.
 *
 * <p>It refuses if the chain itself does not hold together or rows lie past the head: a new anchor would not make such
 * a ledger intact, only hide where it stopped being so.
 */
final class AnchorAcceptance {

    private static final Logger log = LoggerFactory.getLogger(AnchorAcceptance.class);

    /** What was accepted, and where the old anchor was recorded. */
    record Accepted(Path anchor, Path log, long seq, String hash, String replaced) {}

    private AnchorAcceptance() {}

    /**
     * @throws LedgerAnchorException if the chain is broken or rows lie past the head
     * @throws UncheckedIOException if the anchor or its log cannot be written
     */
    static Accepted accept(Database db, AnchorFile file, Clock clock) {
        Head head;
        try {
            head = LedgerSnapshot.read(db, c -> {
                Head h = LedgerRows.head(c, LedgerRows.READ_HEAD);
                VerifyReport chain = LedgerVerifier.walk(c, h).report();
                Optional<String> past = TailCheck.pastHead(c, h);
                String problem = chain.problem() != null ? chain.problem() : past.orElse(null);
                if (problem != null) {
                    throw new LedgerAnchorException("not accepting the head of the ledger in " + db.url()
                            + " as its anchor: " + problem + "; an anchor would not make it intact (docs/ledger.md)");
                }
                return h;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read the ledger in " + db.url() + ": " + e.getMessage(), e);
        }
        Path logFile = file.path().resolveSibling(file.path().getFileName() + ".log");
        try {
            AnchorState old = file.read();
            String replaced = file.describe();
            String line = clock.instant() + " accepted the ledger head row " + head.seq() + " hash=" + head.hash()
                    + " as the anchor of " + db.url() + " in place of: " + replaced + "\n";
            try (FileChannel out = FileChannel.open(
                    logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            long generation = old.kind() == AnchorState.Kind.VALID ? old.slot().generation() + 1 : 1;
            file.replace(head, generation);
            log.warn(
                    "ledger anchor {} replaced by the current head, row {}; the old anchor is recorded in {}",
                    file.path(),
                    head.seq(),
                    logFile);
            return new Accepted(file.path(), logFile, head.seq(), head.hash(), replaced);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the ledger anchor " + file.path() + ": " + e, e);
        }
    }
}
