package dev.bridle.reliability;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;

/** The opt-out race on the embedded H2 file store. */
class H2OptOutRaceTest extends OptOutRaceContract {

    @Override
    protected StoreConfig store(Path dir) {
        return TestStores.h2(dir);
    }
}
