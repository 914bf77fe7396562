package dev.bridle.internal.dedupe;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes' duplicate guards on one H2 file: the same SQL as on PostgreSQL. */
class H2SharedDuplicatesTest extends SharedDuplicatesContract {

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
