package dev.bridle.internal.dedupe;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database, opened and migrated the way Bridle opens its store. */
class H2PostFingerprintStoreTest extends PostFingerprintStoreContract {

    @TempDir
    Path dir;

    private Database db;

    @Override
    protected DataSource openDataSource() {
        db = Database.open(TestStores.h2(dir));
        db.migrate();
        return db.dataSource();
    }

    @Override
    protected void closeDataSource() {
        db.close();
    }
}
