package dev.bridle.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bridle.internal.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store's database: a connection pool over an H2 file (the default) or PostgreSQL, with the schema's Flyway
 * migrations.
 *
 * <pre>{@code
 * try (Database db = Database.open(config.store())) {
 *     db.migrate();
 *     AuditLedger ledger = JdbcAuditLedger.open(db);
 *     ...
 * }
 * }</pre>
 *
 * <p>An H2 URL is completed with the settings that make the same SQL run on H2 and PostgreSQL 15 (PostgreSQL mode,
 * lower-case names, nulls last; see {@link #H2_SETTINGS}), and the directory of an H2 file is created if it is missing.
 * Errors name the URL, never the password.
 */
public final class Database implements AutoCloseable {

    /** Where the migrations are: {@code V1} ledger and state, {@code V2} Quartz, {@code V3+} the rest. */
    public static final String MIGRATIONS = "classpath:db/migration";

    /** Connections in the pool. */
    public static final int POOL_SIZE = 10;

    /** How long a caller waits for a free connection before the store counts as unavailable. */
    public static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    /** The settings added to every H2 URL, as {@code KEY=VALUE;...}; {@code H2Url} says why each. */
    public static final String H2_SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String url;
    private final ChangeFeed changes;
    private final StoreConfig config;
    private final Optional<Path> localFile;

    private Database(HikariDataSource pool, Dialect dialect, String url, StoreConfig config, Optional<Path> localFile) {
        this.pool = pool;
        this.dialect = dialect;
        this.url = url;
        this.changes = new ChangeFeed(pool, dialect);
        this.config = config;
        this.localFile = localFile;
    }

    /** What changed, told to every node sharing this store (caches subscribe and forget it). */
    public ChangeFeed changes() {
        return changes;
    }

    /**
     * Opens the pool and checks that a connection can be made.
     *
     * @throws StoreException if the URL is neither H2 nor PostgreSQL, or the database cannot be reached
     */
    public static Database open(StoreConfig config) {
        String shownUrl = Redaction.url(config.url());
        Dialect dialect = dialectOf(config.url());
        String jdbcUrl = config.url();
        Optional<Path> localFile = Optional.empty();
        if (dialect == Dialect.H2) {
            try {
                H2Url h2 = H2Url.parse(jdbcUrl);
                jdbcUrl = h2.withRequiredSettings();
                localFile = h2.filePath();
                createDirectory(h2.fileDirectory(), shownUrl);
            } catch (IllegalArgumentException e) {
                throw new StoreException("cannot open the store at " + shownUrl + ": " + e.getMessage());
            }
        }
        String password =
                Optional.ofNullable(config.password()).map(Secret::reveal).orElse(null);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("bridle-store");
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setUsername(config.username());
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        hikari.setInitializationFailTimeout(1);
        try {
            return new Database(new HikariDataSource(hikari), dialect, shownUrl, config, localFile);
        } catch (RuntimeException e) {
            throw failure("cannot open the store at " + shownUrl, e, dialect, password);
        }
    }

    private static Dialect dialectOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Dialect.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRES;
        }
        throw new StoreException("cannot open the store at " + Redaction.url(url)
                + ": the URL must start with jdbc:h2: or jdbc:postgresql:");
    }

    private static void createDirectory(Optional<Path> dir, String shownUrl) {
        if (dir.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir.get());
        } catch (IOException e) {
            throw new StoreException(
                    "cannot open the store at " + shownUrl + ": cannot create its directory " + dir.get() + " (" + e
                            + ")",
                    e);
        }
    }

    /**
     * A StoreException whose message is one line: what failed, the root cause's message and what to do
     * ({@link StoreAdvice}), with the password masked. The cause is kept for the debug log unless a message in it holds
     * the password.
     */
    private static StoreException failure(String what, Throwable e, Dialect dialect, String password) {
        String why = Redaction.text(StoreAdvice.of(e, dialect), password);
        boolean leaks = password != null && !password.isEmpty() && containsSecret(e, password);
        return new StoreException(what + ": " + why, leaks ? null : e);
    }

    private static boolean containsSecret(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(secret)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Brings the schema up to date with the migrations in {@link #MIGRATIONS}.
     *
     * @throws StoreException if a migration fails
     */
    public void migrate() {
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
        } catch (FlywayException e) {
            throw failure("cannot migrate the store at " + url, e, dialect, pool.getPassword());
        }
    }

    /** The configuration it was opened with (its anchor settings among them). */
    public StoreConfig config() {
        return config;
    }

    /**
     * For an H2 database in a file on this machine, its path without H2's {@code .mv.db} suffix, absolute; empty for
     * PostgreSQL and for H2 in memory or on a server.
     */
    public Optional<Path> localFile() {
        return localFile;
    }

    /** The kind of database. */
    public Dialect dialect() {
        return dialect;
    }

    /** The pooled connections. */
    public DataSource dataSource() {
        return pool;
    }

    /** The URL, for messages, with any password setting masked. */
    public String url() {
        return url;
    }

    /**
     * Forces every transaction committed so far onto the disk, so that it survives a crash of the machine. Call it
     * after the commit, on a connection in auto-commit mode.
     *
     * <p>On PostgreSQL a commit is already flushed to the write-ahead log before it returns
     * ({@code synchronous_commit=on}, the default), so this does nothing. On H2 2.x it runs {@code CHECKPOINT SYNC}: an
     * H2 commit is only written to the file by a background thread within {@code WRITE_DELAY} (500 ms by default),
     * without {@code fsync}. H2's documentation, "Durability Problems"
     * (https://h2database.com/html/advanced.html#durability_problems), says "after a power failure, a bit more than one
     * second of committed transactions may be lost. To change the behavior, use SET WRITE_DELAY and CHECKPOINT SYNC".
     * In H2 2.3.232 {@code CHECKPOINT SYNC} runs {@code Database.sync()}, which stores the pending changes and calls
     * {@code FileChannel.force(true)} ({@code org.h2.mvstore.db.Store.sync}). It needs an admin user; the user that
     * created the database file is one.
     *
     * <p>Cost on H2: each call writes a chunk and syncs, about 1 to 3 ms here, and H2 keeps replaced chunks for its
     * {@code RETENTION_TIME} (45 s) before reusing their space, so under sustained load the file holds roughly 15 KB
     * per call made in the last 45 s. Callers that write often should batch, as the ledger's group commit does.
     */
    public void forceToDisk(Connection connection) throws SQLException {
        if (dialect == Dialect.H2) {
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    }

    /** Closes every connection; an H2 database is written out and closed with its last one. */
    @Override
    public void close() {
        changes.close();
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + dialect + " " + url + "]";
    }
}
