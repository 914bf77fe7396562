package dev.bridle.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bridle} in a child JVM on the test class path ({@code dev.bridle.cli.Main}), its output in a file. Waits are
 * on the output or on the process, each with a deadline.
 */
final class BridleProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private BridleProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The test class path: Surefire runs tests from a manifest-only jar, and puts the real class path in
     * {@code surefire.test.class.path}; an IDE or plain JUnit has it in {@code java.class.path}.
     */
    static String testClassPath() {
        return System.getProperty(classPathProperty());
    }

    /** Which system property {@link #testClassPath} reads. */
    static String classPathProperty() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? "surefire.test.class.path" : "java.class.path";
    }

    /** Starts {@code bridle ARGS} in {@code workDir}, writing its output to {@code log}. */
    static BridleProcess start(Path workDir, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                testClassPath(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "dev.bridle.cli.Main"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new BridleProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a child JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the output has a line containing {@code text}; false if the process ended or the deadline passed
     * first.
     */
    boolean awaitOutput(String text, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(20); // the output is a file: nothing signals a new line
        }
        return false;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM " + process.pid() + " did not die within 30 s of SIGKILL");
        }
    }

    /** Waits for the process to end by itself; its exit code, or -1 if it was still running at the deadline. */
    int awaitExit(Duration deadline) throws InterruptedException {
        return process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Everything it printed so far. */
    String output() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The last {@code n} lines it printed, for failure messages. */
    String tail(int n) {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** Kills it if it still runs (a test that failed half-way leaves no child behind). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
