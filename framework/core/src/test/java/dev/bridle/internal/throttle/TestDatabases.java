package dev.bridle.internal.throttle;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Migrated databases for throttle store tests: a fresh in-memory H2, or a fresh PostgreSQL database. */
final class TestDatabases {

    private TestDatabases() {}

    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(ds);
        return ds;
    }

    /** A new, migrated PostgreSQL database on the test server (the shared harness); close it when done. */
    static Database postgres() {
        Database db = Database.open(TestStores.postgres("throttle"));
        db.migrate();
        return db;
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations(Database.MIGRATIONS).load().migrate();
    }
}
