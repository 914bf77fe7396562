package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerAnchorException;
import dev.bridle.internal.audit.LedgerRows.Head;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Compares the ledger with its anchor: for {@code audit verify}, and before the runtime starts, when a mismatch refuses
 * the start. The anchor is read before the database snapshot is taken, so that a commit in between can only leave the
 * anchor behind the head.
 */
final class AnchorGate {

    private final Database db;
    private final Optional<AnchorFile> anchor;

    AnchorGate(Database db, Optional<AnchorFile> anchor) {
        this.db = db;
        this.anchor = anchor;
    }

    /** What the anchor file says now; a file that cannot be read is an anchor that cannot be trusted. */
    AnchorState state() {
        if (anchor.isEmpty()) {
            return AnchorState.none();
        }
        try {
            return anchor.get().read();
        } catch (IOException e) {
            return AnchorState.invalid(anchor.get().path(), "cannot be read (" + e + ")");
        }
    }

    /**
     * Refuses, with one line saying what, where and what to do, if the ledger does not match its anchor or has rows
     * past its head. Writes nothing.
     *
     * @throws LedgerAnchorException if it does not match
     */
    void checkAtStartup() {
        AnchorState state = state();
        TailCheck.Findings findings;
        try {
            findings =
                    LedgerSnapshot.read(db, c -> TailCheck.check(c, LedgerRows.head(c, LedgerRows.READ_HEAD), state));
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot check the ledger in " + db.url() + " against its anchor: " + e.getMessage(), e);
        }
        if (!findings.problems().isEmpty()) {
            throw new LedgerAnchorException("refusing to start: the audit ledger in " + db.url()
                    + " does not match its anchor: " + findings.problems().get(0)
                    + ". The anchor was left as it is. Run bridle audit verify to see what changed; if the store was"
                    + " restored on purpose, bridle audit anchor --accept-current-head makes its head the anchor"
                    + " (docs/ledger.md).");
        }
    }

    /** The ledger's head, read now. */
    Head head() throws SQLException {
        return LedgerSnapshot.read(db, c -> LedgerRows.head(c, LedgerRows.READ_HEAD));
    }
}
