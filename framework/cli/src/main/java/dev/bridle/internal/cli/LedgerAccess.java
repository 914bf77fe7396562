package dev.bridle.internal.cli;

import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.store.Database;

/** Opens the configured store's ledger for a command, and closes both. */
final class LedgerAccess implements AutoCloseable {

    private final Database database;
    private final JdbcAuditLedger ledger;

    private LedgerAccess(Database database) {
        this.database = database;
        this.ledger = JdbcAuditLedger.open(database);
    }

    /** The ledger of {@code config}'s store, migrated to the current schema first. */
    static LedgerAccess open(BridleConfig config) {
        Database database = Database.open(config.store());
        try {
            database.migrate();
            return new LedgerAccess(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    JdbcAuditLedger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        ledger.close();
        database.close();
    }
}
