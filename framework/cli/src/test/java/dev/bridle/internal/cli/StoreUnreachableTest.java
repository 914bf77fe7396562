package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bridle.internal.store.PostgresServer;
import dev.bridle.internal.store.StoreConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Every command that opens the store, run as a user would with a PostgreSQL URL where nothing listens: one line on
 * stderr that says what failed and what to do, exit code 1, no password.
 */
class StoreUnreachableTest {

    private static final String PASSWORD = "hunter2-do-not-print";

    @TempDir
    Path dir;

    private Path config;
    private String url;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void configurationWithNothingListening() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        url = "jdbc:postgresql://127.0.0.1:" + port + "/bridle";
        writeConfig(url + "?password=" + PASSWORD, "bridle");
    }

    private void writeConfig(String storeUrl, String user) {
        config = dir.resolve("bridle.yaml");
        try {
            Files.writeString(config, """
                    environment: dev
                    app: { name: acme-bots-dev, purpose: "testing store failures" }
                    store: { url: "%s", username: %s, password: "%s" }
                    """.formatted(storeUrl, user, PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> commandsThatOpenTheStore() {
        return Stream.of(
                "run --for 1s",
                "audit tail",
                "audit verify",
                "consent show --user 1001",
                "consent grant --user 1001 --scope reply --reference ticket-1",
                "consent withdraw --user 1001 --reference ticket-2",
                "consent export --user 1001",
                "accounts list",
                "accounts resume acme_help");
    }

    /** The execution-exception handler printed the exception with its 34-line stack trace, and no advice. */
    @ParameterizedTest(name = "bridle {0}")
    @MethodSource("commandsThatOpenTheStore")
    void aStoreWithNothingListeningIsOneLineThatSaysWhatToDo(String command) {
        int code = run(Stream.concat(Stream.of(command.split(" ")), Stream.of("--config", config.toString()))
                .toArray(String[]::new));

        String name = "bridle " + command.replaceAll(" (--|acme).*", "");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.RUNTIME_FAILURE);
        assertThat(err.toString())
                .isEqualTo(name + ": cannot open the store at " + url + "?password=****: Connection"
                        + " refused; is PostgreSQL running there, on that port? (store.url in " + config + ")"
                        + System.lineSeparator());
        assertThat(out.toString() + err).doesNotContain(PASSWORD);
    }

    @Test
    void theStackTraceIsLoggedAtDebugLevelOnly() {
        Logger logger = (Logger) LoggerFactory.getLogger(BridleCommand.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            run("audit", "verify", "--config", config.toString());
        } finally {
            logger.setLevel(level);
            logger.detachAppender(logs);
        }

        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).isEqualTo("bridle audit verify failed");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo("dev.bridle.internal.store.StoreException");
        });
    }

    /** Where the server answers, its own words come first, then what to do about them. */
    @Test
    @Tag("postgres")
    void aDatabaseThatDoesNotExistSaysToCreateIt() {
        StoreConfig existing = PostgresServer.shared().newDatabase("store_unreachable");
        String missing = existing.url().replaceAll("/[^/?]+(\\?|$)", "/no_such_database$1");
        writeConfig(missing, existing.username());

        assertThat(run("audit", "verify", "--config", config.toString())).isEqualTo(ExitCode.RUNTIME_FAILURE);
        assertThat(err.toString())
                .isEqualTo("bridle audit verify: cannot open the store at " + missing
                        + ": FATAL: database \"no_such_database\" does not exist; create the database first (createdb, or CREATE"
                        + " DATABASE) (store.url in " + config + ")" + System.lineSeparator());
    }

    private int run(String... args) {
        CommandLine line = BridleCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
