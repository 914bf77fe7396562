package dev.bridle.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on an H2 file database, as a single node runs it. */
class H2BotSchedulerTest extends BotSchedulerContract {

    @TempDir
    Path dir;

    @Override
    protected DataSource openDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("bridle").toAbsolutePath());
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    @Override
    protected BotScheduler.Dialect dialect() {
        return BotScheduler.Dialect.H2;
    }
}
