package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresMigrationTest extends MigrationContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }

    @Test
    void theServerIsPostgres15OrLater() {
        assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(Integer.parseInt(queryString("SHOW server_version_num"))).isGreaterThanOrEqualTo(150000);
    }
}
