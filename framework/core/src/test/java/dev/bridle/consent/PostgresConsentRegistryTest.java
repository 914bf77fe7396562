package dev.bridle.consent;

import dev.bridle.config.StoreConfig;
import dev.bridle.store.PostgresTest;
import dev.bridle.store.TestStores;

@PostgresTest
class PostgresConsentRegistryTest extends ConsentRegistryContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
