package dev.bridle.internal.health;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
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
