package dev.bridle.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the store contract tests: opens and migrates one database per test class, from {@link #storeConfig()}, which
 * each database's subclass supplies (see {@link TestStores}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreTestBase {

    protected StoreConfig config;
    protected Database db;

    /** Where this class's database is; called once, before all tests. */
    protected abstract StoreConfig storeConfig();

    @BeforeAll
    void openDatabase() {
        config = storeConfig();
        db = Database.open(config);
        db.migrate();
    }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** Closes the database and opens it again, as a restarted node would. */
    protected void reopen() {
        db.close();
        db = Database.open(config);
        db.migrate();
    }

    /** Runs statements in auto-commit mode. */
    protected void sql(String... statements) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, as a string, or null. */
    protected String queryString(String query) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
