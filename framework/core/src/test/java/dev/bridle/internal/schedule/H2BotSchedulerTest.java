package dev.bridle.internal.schedule;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on an H2 file database, as a single node runs it. */
class H2BotSchedulerTest extends BotSchedulerContract {

    @TempDir
    Path dir;

    @Override
    protected StoreConfig store() {
        return TestStores.h2(dir);
    }
}
