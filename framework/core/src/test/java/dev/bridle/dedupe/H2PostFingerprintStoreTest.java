package dev.bridle.dedupe;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database, in the PostgreSQL mode Bridle's store uses. */
class H2PostFingerprintStoreTest extends PostFingerprintStoreContract {

    /** The settings the store adds to every H2 URL (dev.bridle.store.Database.H2_SETTINGS). */
    static final String H2_SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    @TempDir
    Path dir;

    private HikariDataSource pool;

    @Override
    protected DataSource openDataSource() {
        pool = openH2(dir.resolve("bridle"));
        return pool;
    }

    @Override
    protected void closeDataSource() {
        pool.close();
    }

    /** A pooled, migrated H2 file database at {@code file}. */
    static HikariDataSource openH2(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + file.toAbsolutePath() + ";" + H2_SETTINGS);
        config.setMaximumPoolSize(10);
        HikariDataSource ds = new HikariDataSource(config);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
