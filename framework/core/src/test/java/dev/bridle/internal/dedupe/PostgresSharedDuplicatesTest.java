package dev.bridle.internal.dedupe;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.TestStores;
import javax.sql.DataSource;

/** Two nodes' duplicate guards on one PostgreSQL database, as production shares it. */
@PostgresTest
class PostgresSharedDuplicatesTest extends SharedDuplicatesContract {

    private Database db;

    @Override
    protected DataSource openDataSource() {
        db = Database.open(TestStores.postgres(getClass().getSimpleName()));
        db.migrate();
        return db.dataSource();
    }

    @Override
    protected void closeDataSource() {
        db.close();
    }
}
