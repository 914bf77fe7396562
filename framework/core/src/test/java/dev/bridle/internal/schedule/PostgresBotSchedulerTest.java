package dev.bridle.internal.schedule;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;

/** The scheduler on PostgreSQL, clustered; each test gets a fresh database on the test server. */
class PostgresBotSchedulerTest extends BotSchedulerContract {

    private StoreConfig store;

    @Override
    protected StoreConfig store() {
        if (store == null) {
            store = TestStores.postgres("schedule");
        }
        return store;
    }
}
