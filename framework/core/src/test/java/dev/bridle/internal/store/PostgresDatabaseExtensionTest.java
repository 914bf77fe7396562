package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How another store's test gets a PostgreSQL database of its own: one annotation. */
@PostgresTest
class PostgresDatabaseExtensionTest {

    private static Database db;
    private static StoreConfig opened;

    @BeforeAll
    static void open(StoreConfig store) {
        opened = store;
        db = Database.open(store);
        db.migrate();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyParameterInTheClassGetsTheSameFreshDatabase(StoreConfig store) {
        assertThat(store).isEqualTo(opened);
        assertThat(store.url()).contains("postgresdatabaseextensiontest");
        assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
    }
}
