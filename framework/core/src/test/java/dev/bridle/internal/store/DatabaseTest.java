package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.internal.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /**
     * A thread interrupted while H2 reads the file (its cache kept small so the query must read) does not break the
     * store for everyone else: the {@code retry:} file system reopens the file.
     */
    @Test
    void anInterruptDuringFileIoDoesNotBreakTheStore() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bridle") + ";CACHE_SIZE=256";
        try (Database db = Database.open(new StoreConfig(url, null, null));
                Connection c = db.dataSource().getConnection()) {
            fillWithPagesThatOutgrowTheCache(c);
        }

        try (Database db = Database.open(new StoreConfig(url, null, null));
                Connection c = db.dataSource().getConnection()) {
            readEverythingWhileInterrupted(c);
            try (Connection other = db.dataSource().getConnection();
                    Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE filler SET v = 'after' WHERE id = 1");
                db.forceToDisk(other);
                ResultSet r = s.executeQuery("SELECT v FROM filler WHERE id = 1");
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("after");
            }
        }
    }

    /**
     * The control: the same interrupt on a plain H2 file URL leaves it unusable, which is why Bridle adds
     * {@code retry:}.
     */
    @Test
    void withoutTheRetryFileSystemTheSameInterruptBreaksAnH2File() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("plain") + ";CACHE_SIZE=256";
        try (Connection c = DriverManager.getConnection(url)) {
            fillWithPagesThatOutgrowTheCache(c);
        }

        try (Connection c = DriverManager.getConnection(url)) {
            readEverythingWhileInterrupted(c);
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT SUM(LENGTH(v)) FROM filler"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Reading from file");
        }
    }

    private static void fillWithPagesThatOutgrowTheCache(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE filler (id INT PRIMARY KEY, v VARCHAR(1000))");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO filler VALUES (?, ?)")) {
            for (int id = 1; id <= 5000; id++) {
                insert.setInt(1, id);
                insert.setString(2, "x".repeat(500));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void readEverythingWhileInterrupted(Connection c) {
        Thread.currentThread().interrupt();
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT SUM(LENGTH(v)) FROM filler").next();
        } catch (SQLException expectedWithoutRetry) {
            // what H2 does here is the point of the caller's assertions, not of this read
        } finally {
            Thread.interrupted();
        }
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
        StoreConfig config = new StoreConfig(
                "jdbc:postgresql://127.0.0.1:1/bridle?password=" + PASSWORD, "bridle", Secret.of(PASSWORD));

        assertFailsWithoutPassword(
                () -> Database.open(config),
                "cannot open the store at jdbc:postgresql://127.0.0.1:1/bridle?password=****: ");
    }

    @Test
    void anUncreatableDirectoryIsNamedButNotThePassword() throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-directory"));
        String url = "jdbc:h2:file:" + file.resolve("db") + ";PASSWORD=" + PASSWORD;

        assertFailsWithoutPassword(
                () -> Database.open(new StoreConfig(url, "sa", Secret.of(PASSWORD))),
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
