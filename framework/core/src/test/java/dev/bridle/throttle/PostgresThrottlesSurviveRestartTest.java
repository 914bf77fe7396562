package dev.bridle.throttle;

import dev.bridle.config.StoreConfig;
import dev.bridle.store.TestStores;

/** {@link ThrottlesSurviveRestartContract} on PostgreSQL with {@code throttles.buckets: memory}. */
class PostgresThrottlesSurviveRestartTest extends ThrottlesSurviveRestartContract {

    @Override
    StoreConfig newStore() {
        return TestStores.postgres("restart");
    }
}
