package dev.bridle.internal.aggregate;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregates contract in memory, as the test kit counts. The test kit once counted in its own map without the label
 * rule, so a bot whose test passed threw in production on a name with a '-'; it now uses these rules.
 */
class MemoryAggregatesTest extends AggregatesContract {

    @TempDir
    static Path dir;

    private final Map<String, MemoryAggregateSeries> bots = new ConcurrentHashMap<>();

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir); // the contract's base opens a store; these aggregates do not use it
    }

    @BeforeEach
    void forgetEverything() {
        bots.clear();
    }

    @Override
    protected AggregateSeries series(String bot) {
        return bots.computeIfAbsent(bot, b -> new MemoryAggregateSeries());
    }
}
