package dev.bridle.internal.throttle;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;

/** {@link ThrottlesSurviveRestartContract} on PostgreSQL with {@code throttles.buckets: memory}. */
class PostgresThrottlesSurviveRestartTest extends ThrottlesSurviveRestartContract {

    @Override
    StoreConfig newStore() {
        return TestStores.postgres("restart");
    }
}
