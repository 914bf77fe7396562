package dev.bridle.store;

import dev.bridle.config.StoreConfig;

@PostgresTest
class PostgresBotStateStoreTest extends BotStateStoreContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
