package dev.bridle.internal.store;

import dev.bridle.internal.config.StoreConfig;

@PostgresTest
class PostgresBotStateStoreTest extends BotStateStoreContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
