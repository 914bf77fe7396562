package dev.bridle.internal.throttle;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link ThrottlesSurviveRestartContract} on an H2 file. */
class H2ThrottlesSurviveRestartTest extends ThrottlesSurviveRestartContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newStore() {
        return TestStores.h2(dir);
    }
}
