package dev.bridle.internal.store;

@PostgresTest
class PostgresBotStateStoreTest extends BotStateStoreContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
