package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The few words on why a store did not open and what to do, read from causes shaped as the pool and drivers throw them.
 */
class StoreAdviceTest {

    /** As HikariCP wraps a driver's failure: a pool exception, the driver's, then the root. */
    private static RuntimeException pool(Throwable driver) {
        return new RuntimeException("Failed to initialize pool: " + driver.getMessage(), driver);
    }

    @Test
    void nothingListeningAsksWhetherTheServerRuns() {
        SQLException driver = new SQLException(
                "Connection to 127.0.0.1:5999 refused.", "08001", new ConnectException("Connection refused"));

        assertThat(StoreAdvice.of(pool(driver), Dialect.POSTGRES))
                .isEqualTo("Connection refused; is PostgreSQL running there, on that port?");
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        SQLException driver =
                new SQLException("The connection attempt failed.", "08001", new UnknownHostException("db.internal"));

        assertThat(StoreAdvice.of(pool(driver), Dialect.POSTGRES))
                .isEqualTo("unknown host db.internal; check the host name in the URL");
    }

    @Test
    void aTimeoutAsksWhetherTheHostIsReachable() {
        assertThat(StoreAdvice.of(
                        pool(new SQLException(
                                "The connection attempt failed.",
                                "08001",
                                new SocketTimeoutException("Connect timed out"))),
                        Dialect.POSTGRES))
                .isEqualTo("Connect timed out; is the host reachable from here, and the port right?");
    }

    @Test
    void refusedCredentialsPointAtTheUserAndPassword() {
        assertThat(StoreAdvice.of(
                        pool(new SQLException("FATAL: password authentication failed for user \"bridle\"", "28P01")),
                        Dialect.POSTGRES))
                .isEqualTo("FATAL: password authentication failed for user \"bridle\"; check"
                        + " store.username and store.password");
        assertThat(StoreAdvice.of(
                        pool(new SQLException("Wrong user name or password [28000-232]", "28000")), Dialect.H2))
                .endsWith("; check store.username and store.password");
    }

    @Test
    void anH2FileInUseByAnotherProcessSaysWhoElseMayHoldIt() {
        SQLException driver = new SQLException(
                "Database may be already in use: \"/data/bridle.mv.db\". Possible"
                        + " solutions: close all other connection(s); use the server mode [90020-232]",
                "90020",
                new IllegalStateException("The file is locked: /data/bridle.mv.db [2.3.232/7]"));

        assertThat(StoreAdvice.of(pool(driver), Dialect.H2))
                .isEqualTo("The file is locked: /data/bridle.mv.db"
                        + " [2.3.232/7]; is another Bridle using this file? Run one per H2 file, or point "
                        + "every node at PostgreSQL");
    }

    @Test
    void aMessageOfSeveralLinesIsCutToItsFirst() {
        assertThat(StoreAdvice.of(
                        new IllegalStateException("Validate failed: Migrations have failed validation\n"
                                + "Detected applied migration not resolved locally: 99"),
                        Dialect.H2))
                .isEqualTo("Validate failed: Migrations have failed validation");
    }
}
