package dev.bridle.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2LedgerAnchorTest extends LedgerAnchorContract {

    @TempDir
    static Path dir;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }

    @Test
    void theAnchorIsBesideTheDatabaseFile() {
        assertThat(ledger.anchorFile()).contains(dir.toAbsolutePath().resolve("bridle.ledger-anchor"));
        assertThat(dir.resolve("bridle.mv.db")).exists();
    }
}
