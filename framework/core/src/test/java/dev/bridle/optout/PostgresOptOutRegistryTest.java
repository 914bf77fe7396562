package dev.bridle.optout;

import dev.bridle.config.StoreConfig;
import dev.bridle.store.PostgresTest;
import dev.bridle.store.TestStores;

@PostgresTest
class PostgresOptOutRegistryTest extends OptOutRegistryContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
