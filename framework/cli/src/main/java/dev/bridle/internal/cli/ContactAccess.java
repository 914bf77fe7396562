package dev.bridle.internal.cli;

import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.store.Database;
import java.time.Clock;

/**
 * Opens the configured store's consent and opt-out records for a command, and closes the store. They use the configured
 * {@code consent:} and {@code optout:} settings, as a running Bridle does.
 */
final class ContactAccess implements AutoCloseable {

    private final Database database;
    private final ConsentRegistry consents;
    private final OptOutRegistry optOuts;

    private ContactAccess(Database database, ConsentRegistry consents, OptOutRegistry optOuts) {
        this.database = database;
        this.consents = consents;
        this.optOuts = optOuts;
    }

    /** The records of {@code config}'s store, migrated to the current schema first. */
    static ContactAccess open(BridleConfig config, Clock clock) {
        Database database = Database.open(config.store());
        try {
            database.migrate();
            ConsentRegistry consents = new ConsentRegistry(database, clock, config.consent());
            return new ContactAccess(
                    database, consents, new OptOutRegistry(database, clock, config.optOut(), consents));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    ConsentRegistry consents() {
        return consents;
    }

    OptOutRegistry optOuts() {
        return optOuts;
    }

    @Override
    public void close() {
        database.close();
    }
}
