package dev.bridle.audit;

import dev.bridle.config.StoreConfig;
import dev.bridle.store.PostgresTest;
import dev.bridle.store.TestStores;

@PostgresTest
class PostgresLedgerAnchorTest extends LedgerAnchorContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
