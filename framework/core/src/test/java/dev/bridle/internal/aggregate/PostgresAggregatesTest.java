package dev.bridle.internal.aggregate;

import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;

@PostgresTest
class PostgresAggregatesTest extends AggregatesContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
