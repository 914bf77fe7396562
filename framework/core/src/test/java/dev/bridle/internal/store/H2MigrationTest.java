package dev.bridle.internal.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2MigrationTest extends MigrationContract {

    @TempDir
    static Path dir;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }
}
