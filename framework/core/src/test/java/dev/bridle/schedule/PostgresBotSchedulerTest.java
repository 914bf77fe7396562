package dev.bridle.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The scheduler on PostgreSQL, clustered. Runs only when {@code BRIDLE_TEST_PG_URL} names a
 * throwaway database (e.g. {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres}); each
 * test gets its own schema, dropped at the end.
 */
@EnabledIfEnvironmentVariable(named = PostgresBotSchedulerTest.URL_VARIABLE, matches = ".+")
class PostgresBotSchedulerTest extends BotSchedulerContract {

    static final String URL_VARIABLE = "BRIDLE_TEST_PG_URL";

    private static final List<String> SCHEMAS = new ArrayList<>();

    private final String schema = "schedule_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    protected DataSource openDatabase() throws SQLException {
        synchronized (SCHEMAS) {
            if (!SCHEMAS.contains(schema)) {
                execute("CREATE SCHEMA " + schema);
                SCHEMAS.add(schema);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv(URL_VARIABLE));
        config.setSchema(schema);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    @Override
    protected BotScheduler.Dialect dialect() {
        return BotScheduler.Dialect.POSTGRESQL;
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        synchronized (SCHEMAS) {
            for (String schema : SCHEMAS) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
            SCHEMAS.clear();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getenv(URL_VARIABLE)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
