package dev.bridle.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test JVM: initdb into a temporary directory, started on a free loopback port
 * with its socket in that directory, stopped and deleted when the JVM exits. As root it runs everything as the
 * {@code postgres} user through {@code runuser}, because the server refuses to run as root. fsync is off: this server
 * holds only test data.
 */
final class LocalPostgresCluster {

    static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    static final int PREFERRED_VERSION = 15;
    static final String SUPERUSER = "postgres";
    private static final long STEP_TIMEOUT_SECONDS = 120;
    private static final int START_ATTEMPTS = 3;

    private final Path bin;
    private final Path base;
    private final boolean asPostgresUser;
    private int port;

    private LocalPostgresCluster(Path bin, Path base, boolean asPostgresUser) {
        this.bin = bin;
        this.base = base;
        this.asPostgresUser = asPostgresUser;
    }

    /** The bin directory of the installed server, preferring version 15, else the newest. */
    static Optional<Path> findBin(Path installRoot) {
        if (!Files.isDirectory(installRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(installRoot)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(LocalPostgresCluster::preference));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int preference(Path bin) {
        String version = bin.getParent().getFileName().toString();
        int v = version.matches("\\d+") ? Integer.parseInt(version) : 0;
        return v == PREFERRED_VERSION ? Integer.MAX_VALUE : v;
    }

    /** Creates and starts a cluster with the server in {@code bin}. */
    static LocalPostgresCluster start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory("bridle-pg-");
        if (root) {
            UserPrincipal postgres =
                    base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
            Files.setOwner(base, postgres);
        }
        LocalPostgresCluster cluster = new LocalPostgresCluster(bin, base, root);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "bridle-pg-stop"));
        cluster.initdb();
        cluster.startServer();
        return cluster;
    }

    int port() {
        return port;
    }

    private void initdb() throws IOException, InterruptedException {
        run(
                "initdb",
                bin.resolve("initdb").toString(),
                "-D",
                data(),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync");
    }

    private void startServer() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            port = freePort(); // another process may take it before the server binds: then try again
            String options = "-p " + port + " -c listen_addresses=127.0.0.1"
                    + " -c unix_socket_directories='" + base + "' -c max_connections=200"
                    + " -c fsync=off -c full_page_writes=off";
            try {
                run(
                        "pg_ctl start",
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data(),
                        "-l",
                        base.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        options,
                        "start");
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private void stopAndDelete() {
        try {
            run("pg_ctl stop", bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the JVM is exiting; a server that did not start needs no stopping
        }
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left in the temporary directory
        }
    }

    private String data() {
        return base.resolve("data").toString();
    }

    private void run(String step, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of(runuser(), "-u", SUPERUSER, "--"));
        }
        full.addAll(List.of(command));
        Path log = base.resolve("harness.log");
        Process p = new ProcessBuilder(full)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(step + " did not finish in " + STEP_TIMEOUT_SECONDS + " s; " + logs());
        }
        if (p.exitValue() != 0) {
            throw new IOException(
                    step + " failed with exit code " + p.exitValue() + " (" + String.join(" ", full) + "); " + logs());
        }
    }

    private static String runuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "runuser";
    }

    private String logs() {
        return "output:\n" + tail(base.resolve("harness.log")) + "\nserver log:\n" + tail(base.resolve("server.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(none)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
