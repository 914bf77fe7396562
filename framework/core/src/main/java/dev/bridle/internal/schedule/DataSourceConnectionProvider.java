package dev.bridle.internal.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz connections from the application's own pool, so the job store shares the database (and its migrations)
 * with the rest of Bridle.
 */
final class DataSourceConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void initialize() {
        // the pool is ready before the scheduler is built
    }

    @Override
    public void shutdown() {
        // Quartz calls this when the scheduler shuts down; the pool belongs to the store, which closes it
    }
}
