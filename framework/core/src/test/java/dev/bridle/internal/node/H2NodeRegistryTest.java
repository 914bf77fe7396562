package dev.bridle.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry on an H2 file, which one process opens at a time. */
class H2NodeRegistryTest extends NodeRegistryContract {

    @TempDir
    Path dir;

    @Override
    protected Database openDatabase() {
        Database db = Database.open(TestStores.h2(dir));
        db.migrate();
        return db;
    }

    @Override
    boolean livesBesideOthers() {
        return false;
    }

    /** An H2 file is one process's: a row left alive by an earlier one (it was killed) is that of a dead process. */
    @Test
    void aJoinMarksTheRowsOfEarlierProcessesStoppedEvenIfTheyNeverStopped() {
        NodeRegistry killed = join(config("quiet")); // never closed: as if killed

        NodeRegistry next = join(config("another configuration: the earlier process is not running"));

        assertThat(next.isAlive(killed.id())).isFalse();
    }
}
