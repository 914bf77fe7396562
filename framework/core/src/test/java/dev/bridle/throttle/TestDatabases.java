package dev.bridle.throttle;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Migrated databases for throttle store tests: a fresh in-memory H2, or a fresh schema in the
 * PostgreSQL named by {@code BRIDLE_TEST_PG_URL} (tests that need it are skipped without it).
 */
final class TestDatabases {

    static final String PG_URL_VARIABLE = "BRIDLE_TEST_PG_URL";

    private TestDatabases() {
    }

    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(ds);
        return ds;
    }

    /** A pooled data source on a new schema of the test PostgreSQL, migrated; close it when done. */
    static HikariDataSource postgres() {
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null) {
            throw new IllegalStateException(PG_URL_VARIABLE + " is not set");
        }
        String schema = "throttle_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(16);
        config.setSchema(schema);
        config.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS " + schema);
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds, schema);
        return ds;
    }

    private static void migrate(DataSource ds, String... schemas) {
        Flyway.configure().dataSource(ds).schemas(schemas).locations("classpath:db/migration").load().migrate();
    }
}
