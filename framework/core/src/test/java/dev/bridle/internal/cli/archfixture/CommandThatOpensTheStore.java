package dev.bridle.internal.cli.archfixture;

import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.store.Database;

/** A command that opens the store and the consent registry instead of going through Bridle. */
class CommandThatOpensTheStore {
    Database database;
    ConsentRegistry consents;
}
