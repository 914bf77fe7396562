package dev.bridle.sandbox;

import dev.bridle.sandbox.audience.AudienceScript;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The standalone sandbox: {@code java dev.bridle.sandbox.SandboxMain --port 8787 [--seed 42] [--account acme]...
 * [--demo [--audience acme]]}; {@code bridle sandbox --port N} delegates here. It prints the base URL, the admin URL
 * and the generated credentials, then serves until the process is stopped. With {@code --demo} the demo audience
 * ({@link AudienceScript#demo()}) runs, ticked every second on the system clock, talking to {@code --audience} (one of
 * the accounts), else to the first account.
 */
public final class SandboxMain {
    /** The account created when none is named. */
    public static final String DEFAULT_ACCOUNT = "bridle_demo";

    static final String USAGE =
            "usage: bridle sandbox [--port N] [--seed N] [--account HANDLE]... [--demo [--audience HANDLE]]";

    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        Launched launched;
        try {
            launched = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            launched.close();
                            stopped.countDown();
                        },
                        "bridle-sandbox-shutdown"));
        stopped.await();
    }

    /**
     * Parses the options, starts the sandbox (and the demo ticker) and prints where it listens and the credentials to
     * {@code out}.
     *
     * @throws IllegalArgumentException on a bad option (the message says which)
     */
    public static Launched launch(String[] args, PrintStream out) {
        int port = 0;
        long seed = 0;
        boolean demo = false;
        String audience = null;
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parseInt(value(args, ++i, "--port"), "--port");
                case "--seed" -> seed = parseLong(value(args, ++i, "--seed"), "--seed");
                case "--account" -> accounts.add(value(args, ++i, "--account"));
                case "--demo" -> demo = true;
                case "--audience" -> audience = value(args, ++i, "--audience");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (accounts.isEmpty()) {
            accounts.add(DEFAULT_ACCOUNT);
        }
        // time-ordered ids, so that nodes which kept an earlier sandbox's polling cursors still read this one's
        // messages
        Sandbox.Builder builder = Sandbox.builder().port(port).seed(seed).timeOrderedIds();
        accounts.forEach(builder::account);
        if (audience != null && accounts.stream().noneMatch(audience::equalsIgnoreCase)) {
            throw new IllegalArgumentException(
                    "--audience " + audience + " is not one of the accounts (" + String.join(", ", accounts) + ")");
        }
        if (demo) {
            builder.audience(
                    audience == null
                            ? AudienceScript.demo()
                            : AudienceScript.demo().withTarget(audience));
        }
        Sandbox sandbox = builder.build().start();
        ScheduledExecutorService ticker = null;
        if (demo) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bridle-sandbox-audience");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(
                    () -> sandbox.audience().ifPresent(a -> a.tick().forEach(out::println)), 0, 1, TimeUnit.SECONDS);
        }
        print(sandbox, demo ? (audience == null ? accounts.get(0) : audience) : null, out);
        return new Launched(sandbox, ticker);
    }

    /** @param audience the account the demo audience talks to, or {@code null} when it is off */
    private static void print(Sandbox sandbox, String audience, PrintStream out) {
        out.println("Bridle sandbox listening on " + sandbox.baseUrl());
        out.println("  v1.1:  " + sandbox.v1BaseUrl());
        out.println("  v2:    " + sandbox.v2BaseUrl());
        out.println("  admin: " + sandbox.adminUrl() + "  (GET it for the list of admin endpoints)");
        for (SandboxApp app : sandbox.apps()) {
            out.println("App " + app.name());
            out.println("  consumer key:        " + app.consumerKey());
            out.println("  consumer secret:     " + app.consumerSecret());
        }
        for (SandboxAccount account : sandbox.accounts()) {
            out.println("Account @" + account.handle() + " (user id " + account.userId() + ")");
            out.println("  access token:        " + account.accessToken());
            out.println("  access token secret: " + account.accessTokenSecret());
        }
        if (!sandbox.simulatedUsers().isEmpty()) {
            StringBuilder users = new StringBuilder("Simulated users:");
            sandbox.simulatedUsers()
                    .forEach(u -> users.append(" @")
                            .append(u.handle())
                            .append(" (")
                            .append(u.userId())
                            .append(")"));
            out.println(users);
        }
        out.println(
                audience != null
                        ? "Demo audience: on, talking to @" + audience + ", ticking every second"
                        : "Demo audience: off (--demo turns it on)");
        out.flush();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parseInt(String v, String option) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was " + v);
        }
    }

    private static long parseLong(String v, String option) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was " + v);
        }
    }

    /** A started standalone sandbox and its demo ticker; closing stops both. */
    public static final class Launched implements AutoCloseable {
        private final Sandbox sandbox;
        private final ScheduledExecutorService ticker;

        Launched(Sandbox sandbox, ScheduledExecutorService ticker) {
            this.sandbox = sandbox;
            this.ticker = ticker;
        }

        public Sandbox sandbox() {
            return sandbox;
        }

        @Override
        public void close() {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            sandbox.close();
        }
    }
}
