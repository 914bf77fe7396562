package dev.bridle.internal.cli;

import dev.bridle.Bridle;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Intervals;
import dev.bridle.sandbox.Sandbox;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bridle run}: runs the configured bots until stopped (Ctrl-C, SIGTERM) or for {@code --for}. With no
 * credentials configured it runs them against the built-in sandbox and its simulated audience, and says so; with real
 * credentials it acts on X and never falls back. Every outcome is printed as the ledger records it.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the configured bots: scheduled runs, mentions and direct messages, every action through the guards.",
            "With no account credentials configured, the bots act on the built-in sandbox, a local X-compatible",
            "server with a simulated audience; nothing reaches X. Each outcome is printed as the ledger records it."
        })
public final class RunCommand implements Callable<Integer> {

    /** How often the feed prints and the sandbox audience acts. */
    static final Duration TICK = Duration.ofSeconds(1);

    @Mixin
    private ConfigOption config;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop after this long, like 90s or 10m (default: run until interrupted).")
    private Duration runFor;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BridleConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    awaitQuietly(stopped);
                },
                "bridle-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridle-run-feed");
            t.setDaemon(true);
            return t;
        });
        Sandbox sandbox = LocalSandbox.wanted(loaded) ? LocalSandbox.start(loaded, Clock.systemUTC()) : null;
        Bridle.Builder builder = Bridle.builder().config(config.file());
        if (sandbox != null) {
            LocalSandbox.actOn(builder, sandbox, loaded);
        }
        try (AutoCloseable closesSandbox = sandbox == null ? () -> {} : sandbox::close;
                Bridle bridle = builder.build()) {
            DecisionFeed feed = new DecisionFeed(bridle.ledger(), out);
            banner(out, loaded, bridle, sandbox);
            bridle.start();
            ticker.scheduleWithFixedDelay(() -> tick(sandbox, feed), 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
            if (runFor == null) {
                stop.await();
            } else {
                stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            }
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            feed.printNew();
            out.println("stopping: letting running handlers finish");
            out.flush();
        } finally {
            ticker.shutdownNow();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us
            }
        }
        return ExitCode.OK;
    }

    private static void tick(Sandbox sandbox, DecisionFeed feed) {
        try {
            if (sandbox != null) {
                sandbox.audience().ifPresent(a -> a.tick());
            }
            feed.printNew();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RunCommand.class).warn("run feed failed; trying again", e);
        }
    }

    private static void banner(PrintWriter out, BridleConfig config, Bridle bridle, Sandbox sandbox) {
        out.println("Bridle: " + config.bots().size() + " bots on "
                + config.accounts().size() + " accounts, app " + config.app().name() + " (" + config.environment() + ")"
                + (config.dryRun() ? ", DRY RUN: nothing is sent" : ""));
        if (sandbox != null) {
            out.println("SANDBOX: no account has credentials, so the bots act on a local X-compatible server at "
                    + sandbox.baseUrl() + " with a simulated audience. Nothing is sent to X. Admin API: "
                    + sandbox.adminUrl());
        } else {
            out.println("Acting on X: every action passes the guards and is recorded in the ledger.");
        }
        int waiting = bridle.waitingActions();
        if (waiting > 0) {
            out.println(
                    waiting + (waiting == 1 ? " action is" : " actions are") + " waiting from before this start"
                            + " (deferred, or compliance messages to try again); each deferral below says how many are queued.");
        }
        out.println("Each outcome is printed below as the ledger records it. Ctrl-C stops.");
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads {@code 90s}, {@code 10m}, {@code 2h} or an ISO-8601 duration. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Intervals.parse(value)
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "'" + value + "' is not a duration; expected something like 90s, 10m or 2h"));
        }
    }
}
