package dev.bridle.dedupe;

import dev.bridle.store.Database;
import dev.bridle.store.PostgresTest;
import dev.bridle.store.TestStores;
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
