package dev.bridle.internal.store;

import dev.bridle.internal.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests of this JVM use, and fresh databases on it.
 *
 * <p>With the environment variable {@code BRIDLE_TEST_PG_URL} (and {@code BRIDLE_TEST_PG_USER},
 * {@code BRIDLE_TEST_PG_PASSWORD}) that server is used; its user must be allowed to {@code CREATE DATABASE}. Otherwise
 * one private PostgreSQL cluster is started per JVM from the binaries under {@code /usr/lib/postgresql/*}{@code /bin}
 * (15 preferred) and stopped at exit.
 *
 * <p>If no server can be had, every PostgreSQL test fails with a message saying how to install one.
 * {@code -Dbridle.test.postgres=skip} is the only way to skip them.
 */
public final class PostgresServer {

    /** Set this system property to {@value #SKIP} to skip PostgreSQL tests. */
    public static final String SKIP_PROPERTY = "bridle.test.postgres";

    public static final String SKIP = "skip";

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;
    private static IllegalStateException failure;
    private static Path anchors;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String namePrefix;

    private PostgresServer(String adminUrl, String user, String password, String namePrefix) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.namePrefix = namePrefix;
    }

    /**
     * The server for this JVM, started on first use.
     *
     * @throws IllegalStateException if no server can be found or started (the same each time)
     * @throws org.opentest4j.TestAbortedException if {@code -Dbridle.test.postgres=skip}
     */
    public static synchronized PostgresServer shared() {
        Assumptions.assumeFalse(
                SKIP.equals(System.getProperty(SKIP_PROPERTY)),
                "PostgreSQL tests skipped: -D" + SKIP_PROPERTY + "=" + SKIP);
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        if (shared == null) {
            try {
                shared = connect(System.getenv(), LocalPostgresCluster.INSTALL_ROOT);
            } catch (IllegalStateException e) {
                failure = e;
                throw e;
            }
        }
        return shared;
    }

    /** The server the environment names, else a private cluster from {@code installRoot}. */
    static PostgresServer connect(Map<String, String> env, Path installRoot) {
        String url = env.get("BRIDLE_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            if (!URL.matcher(url).matches()) {
                throw new IllegalStateException("BRIDLE_TEST_PG_URL must look like "
                        + "jdbc:postgresql://host:port/database, got " + Redaction.url(url));
            }
            return new PostgresServer(
                    url,
                    env.get("BRIDLE_TEST_PG_USER"),
                    env.get("BRIDLE_TEST_PG_PASSWORD"),
                    "bridle_test_" + ProcessHandle.current().pid() + "_");
        }
        Path bin = LocalPostgresCluster.findBin(installRoot)
                .orElseThrow(() -> new IllegalStateException(
                        "PostgreSQL store tests need a PostgreSQL 15 server, and none was found: there is no "
                                + "initdb and pg_ctl under " + installRoot + "/*/bin. "
                                + howToFix()));
        try {
            LocalPostgresCluster cluster = LocalPostgresCluster.start(bin);
            return new PostgresServer(
                    "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/postgres",
                    LocalPostgresCluster.SUPERUSER,
                    null,
                    "bridle_test_");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "PostgreSQL store tests could not start a private PostgreSQL" + " server from " + bin + ": "
                            + e.getMessage() + "\n" + howToFix(),
                    e);
        }
    }

    private static String howToFix() {
        return "Install it with `apt-get install -y postgresql` (Debian; .ci/run does this), or set "
                + "BRIDLE_TEST_PG_URL, BRIDLE_TEST_PG_USER and BRIDLE_TEST_PG_PASSWORD to a server where "
                + "that user may CREATE DATABASE, or skip these tests with -D" + SKIP_PROPERTY + "=" + SKIP + ".";
    }

    /**
     * Creates a new, empty database, named after {@code hint} so that leftovers are easy to place, and returns how to
     * reach it.
     */
    public StoreConfig newDatabase(String hint) {
        String name = namePrefix + DATABASES.incrementAndGet() + "_"
                + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        name = name.substring(0, Math.min(name.length(), 63)); // PostgreSQL's identifier limit
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create test database " + name + " on " + Redaction.url(adminUrl) + ": " + e.getMessage(),
                    e);
        }
        Matcher m = URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected admin URL " + Redaction.url(adminUrl));
        }
        String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
        // each database's ledger anchor in a directory of this JVM's, not under the working directory
        return new StoreConfig(
                url,
                user,
                password == null ? null : Secret.of(password),
                anchors().resolve(name + ".ledger-anchor"),
                null);
    }

    private static synchronized Path anchors() {
        if (anchors == null) {
            try {
                anchors = Files.createTempDirectory("bridle-test-anchors-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = anchors;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "bridle-test-anchors"));
        }
        return anchors;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the system clears it in the end
        }
    }
}
