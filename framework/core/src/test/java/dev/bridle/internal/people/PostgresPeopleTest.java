package dev.bridle.internal.people;

import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;

@PostgresTest
class PostgresPeopleTest extends PeopleContract {

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
