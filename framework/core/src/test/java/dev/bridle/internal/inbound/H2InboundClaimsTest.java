package dev.bridle.internal.inbound;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Inbound claims and leases on an H2 file: every earlier node is an earlier process, no longer alive. */
class H2InboundClaimsTest extends InboundClaimsContract {

    @TempDir
    Path dir;

    @Override
    protected Database openDatabase() {
        Database db = Database.open(TestStores.h2(dir));
        db.migrate();
        return db;
    }

    @Override
    boolean livesBesideOthers() {
        return false;
    }
}
