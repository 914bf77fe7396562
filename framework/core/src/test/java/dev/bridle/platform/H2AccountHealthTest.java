package dev.bridle.platform;

import dev.bridle.config.StoreConfig;
import dev.bridle.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2AccountHealthTest extends AccountHealthContract {

    @TempDir
    static Path dir;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }
}
