package dev.bridle.internal.store;

import java.nio.file.Path;

/** Store configurations for tests: an H2 file in a directory of the test's, or fresh PostgreSQL. */
public final class TestStores {

    private TestStores() {}

    /** An H2 file database named {@code bridle} in {@code dir} (typically a {@code @TempDir}). */
    public static StoreConfig h2(Path dir) {
        return new StoreConfig("jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridle"), null, null);
    }

    /**
     * A new, empty PostgreSQL database on this JVM's test server ({@link PostgresServer}).
     *
     * @param hint a word for the database name, e.g. the test class's simple name
     */
    public static StoreConfig postgres(String hint) {
        return PostgresServer.shared().newDatabase(hint);
    }
}
