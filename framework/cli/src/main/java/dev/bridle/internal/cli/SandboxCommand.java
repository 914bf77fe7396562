package dev.bridle.internal.cli;

import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.sandbox.SandboxMain;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bridle sandbox}: runs the local X-compatible sandbox on its own, as {@link SandboxMain#launch} does, and
 * serves until the process is stopped. Its accounts are the {@code --account} options, else the configured accounts if
 * the configuration file exists, else {@value SandboxMain#DEFAULT_ACCOUNT}.
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Run the local X-compatible sandbox on 127.0.0.1 until stopped (Ctrl-C).",
            "It prints its URLs and the credentials it generated; nothing reaches X."
        })
public final class SandboxCommand implements Callable<Integer> {

    /** Blocks until the sandbox should stop. */
    @FunctionalInterface
    interface Waiter {
        void await() throws InterruptedException;
    }

    @Option(names = "--port", paramLabel = "N", description = "The port (default: a free one).")
    private Integer port;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated credentials (default 0).")
    private Long seed;

    @Mixin
    private ConfigOption config;

    @Option(
            names = "--account",
            paramLabel = "HANDLE",
            description = "An account to create (repeatable; default: the configured accounts, else bridle_demo).")
    private List<String> accounts = new ArrayList<>();

    @Option(
            names = "--demo",
            description = {
                "Run the demo audience, ticking every second. It talks to the account",
                "bridle run's audience talks to: the first one a bot reads mentions of, else the first account."
            })
    private boolean demo;

    @Spec
    private CommandSpec spec;

    private final Waiter waiter;

    /** Serves until the JVM shuts down. */
    public SandboxCommand() {
        this(() -> new CountDownLatch(1).await());
    }

    SandboxCommand(Waiter waiter) {
        this.waiter = waiter;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--port");
            args.add(port.toString());
        }
        if (seed != null) {
            args.add("--seed");
            args.add(seed.toString());
        }
        List<String> handles = new ArrayList<>(accounts);
        String audience = null;
        if (handles.isEmpty() && Files.isRegularFile(config.file())) {
            BridleConfig loaded = config.load();
            loaded.accounts().stream().map(AccountConfig::handle).forEach(handles::add);
            audience = LocalSandbox.audienceTarget(loaded); // the same account bridle run's audience talks to
        }
        handles.forEach(a -> {
            args.add("--account");
            args.add(a);
        });
        if (demo) {
            args.add("--demo");
            if (audience != null) {
                args.add("--audience");
                args.add(audience);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        SandboxMain.Launched launched;
        try {
            launched = SandboxMain.launch(
                    args.toArray(String[]::new), new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCode.USAGE_ERROR;
        }
        Thread stop = new Thread(launched::close, "bridle-sandbox-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            waiter.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            launched.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        return ExitCode.OK;
    }

    /** Bytes to picocli's writer, decoded as UTF-8 a line at a time. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            out.print(line.toString(StandardCharsets.UTF_8));
            out.flush();
            line.reset();
        }
    }
}
