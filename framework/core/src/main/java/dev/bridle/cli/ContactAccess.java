package dev.bridle.cli;

import dev.bridle.config.BridleConfig;
import dev.bridle.consent.ConsentRegistry;
import dev.bridle.consent.ConsentSettings;
import dev.bridle.optout.OptOutRegistry;
import dev.bridle.optout.OptOutSettings;
import dev.bridle.store.Database;
import java.time.Clock;

/**
 * Opens the configured store's consent and opt-out records for a command, and closes the store.
 * The operator is the app's name, as in a running Bridle with default settings.
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
            ConsentRegistry consents = new ConsentRegistry(database, clock, ConsentSettings.defaults(config.app().name()));
            return new ContactAccess(database, consents, new OptOutRegistry(database, clock, OptOutSettings.defaults(), consents));
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
