package dev.bridle.internal.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2BotStateStoreTest extends BotStateStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }
}
