package dev.bridle.internal.audit;

import dev.bridle.internal.audit.LedgerRows.Head;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the anchor file at the head the ledger's writer last committed: called on the writer's thread after each group
 * commit is committed and forced to disk, and once at close.
 *
 * <p>It never fails a commit: the rows are durable whatever happens to the anchor. A write that fails (a full disk) is
 * logged and tried again with the next commit and at close; an anchor behind the head is what a crash leaves too, and
 * verify notes it. If the anchor cannot be trusted or the ledger no longer continues it, the keeper logs it once and
 * stops writing, so that the evidence stays as it was for {@code bridle audit verify}.
 */
final class AnchorKeeper {

    private static final Logger log = LoggerFactory.getLogger(AnchorKeeper.class);

    /** A keeper for a store without an anchor. */
    static final AnchorKeeper NONE = new AnchorKeeper(null);

    private final AnchorFile file;
    private boolean stopped;
    private boolean warnedMissing;
    private boolean failing;
    private boolean wrote;
    private Head lastBefore;
    private Head lastAfter;

    AnchorKeeper(AnchorFile file) {
        this.file = file;
    }

    /** After a group commit that moved the head from {@code before} to {@code after}. */
    void committed(Head before, Head after, AnchorFile.RowHashes rows) {
        if (file == null || stopped) {
            return;
        }
        lastBefore = before;
        lastAfter = after;
        try {
            AnchorFile.Outcome outcome = file.advance(before, after, rows);
            failing = false;
            switch (outcome) {
                case WRITTEN -> wrote = true;
                case ALREADY_AHEAD -> {}
                case NO_ANCHOR -> warnMissing();
                case REFUSED -> refuse(before);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            if (!failing) {
                log.warn(
                        "cannot write the ledger anchor {} ({}); the ledger is written all the same, and the"
                                + " anchor is tried again with the next commit",
                        file.path(),
                        e.toString());
            }
            failing = true;
        }
    }

    /** At close: writes the last head committed again if its write failed, and syncs the file. */
    void close(AnchorFile.RowHashes rows) {
        if (file == null || stopped) {
            return;
        }
        if (failing && lastAfter != null) {
            committed(lastBefore, lastAfter, rows);
        }
        if (wrote) {
            try {
                file.force();
            } catch (IOException e) {
                log.warn("cannot sync the ledger anchor {} at close ({})", file.path(), e.toString());
            }
        }
    }

    private void warnMissing() {
        if (!warnedMissing) {
            log.warn(
                    "the ledger has rows but no anchor at {}: nothing is anchored until an operator runs"
                            + " bridle audit verify and then bridle audit anchor --accept-current-head",
                    file.path());
            warnedMissing = true;
        }
    }

    private void refuse(Head before) {
        stopped = true;
        log.error(
                "the ledger anchor {} cannot be trusted, or the ledger (continued from row {}) no longer"
                        + " continues it: the anchor is left as it was and no longer written; run bridle audit verify",
                file.path(),
                before.seq());
    }
}
