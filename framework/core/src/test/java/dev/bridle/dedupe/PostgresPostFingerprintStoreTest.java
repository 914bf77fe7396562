package dev.bridle.dedupe;

import dev.bridle.store.Database;
import dev.bridle.store.PostgresTest;
import dev.bridle.store.TestStores;
import javax.sql.DataSource;

/** The store contract on PostgreSQL: a fresh database for every test. */
@PostgresTest
class PostgresPostFingerprintStoreTest extends PostFingerprintStoreContract {

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
