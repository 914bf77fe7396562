package dev.bridle.internal.dedupe;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.TestStores;
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
