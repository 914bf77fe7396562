package dev.bridle.internal.identity;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2IdentitiesTest extends IdentitiesContract {

    @TempDir
    static Path dir;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }
}
