package dev.bridle.internal.node;

import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;

@PostgresTest
class PostgresAppRegistryTest extends AppRegistryContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
