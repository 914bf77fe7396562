package dev.bridle.reliability;

import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;

/** The opt-out race on PostgreSQL, with the throttle buckets shared in the database as several nodes use them. */
@PostgresTest
class PostgresOptOutRaceTest extends OptOutRaceContract {

    @Override
    protected StoreConfig store(Path dir) {
        return TestStores.postgres(getClass().getSimpleName());
    }
}
