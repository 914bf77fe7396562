package dev.bridle.internal.export;

import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;

@PostgresTest
class PostgresExportQuotasTest extends ExportQuotasContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
