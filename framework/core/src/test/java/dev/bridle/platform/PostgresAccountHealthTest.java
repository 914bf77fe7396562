package dev.bridle.platform;

import dev.bridle.config.StoreConfig;
import dev.bridle.store.PostgresTest;
import dev.bridle.store.TestStores;

@PostgresTest
class PostgresAccountHealthTest extends AccountHealthContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
