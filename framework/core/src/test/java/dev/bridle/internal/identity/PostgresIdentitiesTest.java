package dev.bridle.internal.identity;

import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;

@PostgresTest
class PostgresIdentitiesTest extends IdentitiesContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
