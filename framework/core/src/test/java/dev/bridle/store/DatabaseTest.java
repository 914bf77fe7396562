package dev.bridle.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.config.Secret;
import dev.bridle.config.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final String PASSWORD = "hunter2-secret";

    @TempDir
    Path dir;

    @Test
    void anH2FileDatabaseIsCreatedWithItsDirectory() throws Exception {
        Path nested = dir.resolve("a/b");
        try (Database db = Database.open(new StoreConfig("jdbc:h2:file:" + nested.resolve("bridle"), null, null))) {
            db.migrate();
            assertThat(db.dialect()).isEqualTo(Dialect.H2);
            try (Connection c = db.dataSource().getConnection()) {
                db.forceToDisk(c); // CHECKPOINT SYNC is allowed for the user that created the file
            }
        }
        assertThat(nested.resolve("bridle.mv.db")).exists();
    }

    @Test
    void anUnknownKindOfUrlIsRefused() {
        assertThatThrownBy(() -> Database.open(new StoreConfig("jdbc:mysql://db/bridle", null, null)))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open the store at jdbc:mysql://db/bridle: the URL must start with"
                        + " jdbc:h2: or jdbc:postgresql:");
    }

    @Test
    void aConflictingH2SettingIsRefused() {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=MySQL";
        assertThatThrownBy(() -> Database.open(new StoreConfig(url, null, null)))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open the store at " + url
                        + ": store URL sets MODE=MySQL but Bridle's schema needs MODE=PostgreSQL");
    }

    @Test
    void anUnreachableServerIsNamedButNotItsPassword() {
        StoreConfig config = new StoreConfig("jdbc:postgresql://127.0.0.1:1/bridle?password=" + PASSWORD,
                "bridle", Secret.of(PASSWORD));

        assertFailsWithoutPassword(() -> Database.open(config),
                "cannot open the store at jdbc:postgresql://127.0.0.1:1/bridle?password=****: ");
    }

    @Test
    void anUncreatableDirectoryIsNamedButNotThePassword() throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-directory"));
        String url = "jdbc:h2:file:" + file.resolve("db") + ";PASSWORD=" + PASSWORD;

        assertFailsWithoutPassword(() -> Database.open(new StoreConfig(url, "sa", Secret.of(PASSWORD))),
                "cannot open the store at jdbc:h2:file:" + file.resolve("db") + ";PASSWORD=****: cannot create");
    }

    private static void assertFailsWithoutPassword(ThrowingCallable open, String messageStart) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(open);
        assertThat(thrown).isInstanceOf(StoreException.class).hasMessageStartingWith(messageStart);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
        }
    }
}
