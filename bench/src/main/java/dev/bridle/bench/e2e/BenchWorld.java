package dev.bridle.bench.e2e;

import dev.bridle.bot.BotContext;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.platform.twitter.TwitterPlatform;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.ContactSettings;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.secret.Secret;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxApp;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SimulatedUser;
import dev.bridle.sandbox.fault.FaultPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One in-process sandbox and one Bridle on it, as {@code bridle run} assembles it (H2 file store, durable ledger, every
 * guard on), for the end-to-end figures. Bridle acts as accounts {@code bench_b0...}; the bare twitter4j baseline as
 * {@code bench_t0...} on the same sandbox; the simulated users {@code user0...} have consent to every kind of contact.
 */
public final class BenchWorld implements AutoCloseable {

    /** Far above anything a run sends: the sandbox's own limits are not what is measured. */
    static final int UNLIMITED = 1_000_000_000;

    final Sandbox sandbox;
    final BridleRuntime runtime;
    final List<String> bridleHandles = new ArrayList<>();
    final List<String> bareHandles = new ArrayList<>();
    final List<String> userIds = new ArrayList<>();
    final Path dir;

    private BenchWorld(Sandbox sandbox, BridleRuntime runtime, Path dir) {
        this.sandbox = sandbox;
        this.runtime = runtime;
        this.dir = dir;
    }

    /**
     * @param bridleAccounts accounts Bridle acts as, one capturing bot each
     * @param bareAccounts accounts the bare twitter4j baseline acts as
     * @param users simulated users, each with consent to every scope
     * @param faults the sandbox's fault plan (latency)
     */
    public static BenchWorld open(
            Path dir,
            int bridleAccounts,
            int bareAccounts,
            int users,
            FaultPlan faults,
            BenchClock clock,
            ApiVersion api)
            throws Exception {
        return open(dir, bridleAccounts, bareAccounts, users, faults, clock, api, true);
    }

    /** As above; without {@code consent}, no user is granted consent (a world for the bare baseline only). */
    public static BenchWorld open(
            Path dir,
            int bridleAccounts,
            int bareAccounts,
            int users,
            FaultPlan faults,
            BenchClock clock,
            ApiVersion api,
            boolean consent)
            throws Exception {
        loopbackWithoutNagle();
        TwitterPlatform.configureJvm();
        Sandbox.Builder builder = Sandbox.builder()
                .clock(clock)
                .limits(unlimited())
                .faults(faults)
                .seed(7);
        List<String> bridle = new ArrayList<>();
        List<String> bare = new ArrayList<>();
        for (int i = 0; i < bridleAccounts; i++) {
            bridle.add("bench_b" + i);
        }
        for (int i = 0; i < bareAccounts; i++) {
            bare.add("bench_t" + i);
        }
        bridle.forEach(builder::account);
        bare.forEach(builder::account);
        for (int i = 0; i < users; i++) {
            builder.simulatedUser(SimulatedUser.named("user" + i));
        }
        Sandbox sandbox = builder.build().start();
        BridleRuntime runtime = null;
        try {
            Path config = dir.resolve("bridle.yaml");
            Files.writeString(
                    config, yaml(dir.resolve("store").resolve("bridle"), bridle, api), StandardCharsets.UTF_8);
            BridleConfig cfg = ConfigLoader.load(config, Map.of(), BenchWorld.class.getClassLoader());
            SandboxApp app = sandbox.app();
            runtime = BridleRuntime.create(
                    cfg,
                    feedback -> {
                        TwitterPlatform.Builder adapter = TwitterPlatform.builder()
                                .api(api)
                                .clock(clock)
                                .rateLimits(feedback)
                                .baseUrl(sandbox.baseUrl().toString());
                        for (String handle : bridle) {
                            SandboxAccount a = sandbox.account(handle);
                            adapter.account(
                                    handle,
                                    new Credentials(
                                            Secret.of(app.consumerKey()),
                                            Secret.of(app.consumerSecret()),
                                            Secret.of(a.accessToken()),
                                            Secret.of(a.accessTokenSecret())));
                        }
                        return new TimedPlatform(adapter.build());
                    },
                    clock,
                    RuntimeOptions.defaults()
                            .classLoader(BenchWorld.class.getClassLoader())
                            .contact(ContactSettings.defaults("bench-bots-dev")));
            BenchWorld world = new BenchWorld(sandbox, runtime, dir);
            world.bridleHandles.addAll(bridle);
            world.bareHandles.addAll(bare);
            for (int i = 0; i < users; i++) {
                world.userIds.add(sandbox.userId("user" + i));
            }
            world.captureContexts();
            if (consent) {
                world.grantConsent();
            }
            return world;
        } catch (Exception | Error e) {
            if (runtime != null) {
                runtime.close();
            }
            sandbox.close();
            throw e;
        }
    }

    /**
     * The sandbox serves HTTP with the JDK's {@code com.sun.net.httpserver}, which leaves Nagle's algorithm on: a
     * response written in two pieces then waits for the client's delayed ACK, and every request on loopback takes about
     * 40 ms instead of under one. That would be the sandbox's cost, not the platform's or Bridle's, so the runs turn it
     * off (the property is read when the first server starts).
     */
    static void loopbackWithoutNagle() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static SandboxLimits unlimited() {
        SandboxLimits limits = SandboxLimits.defaults()
                .withDailyPosts(UNLIMITED)
                .withDailyFollows(UNLIMITED)
                .withDailyDms(UNLIMITED)
                .withTimestampTolerance(Duration.ofDays(365 * 100));
        for (String endpoint : Sandbox.builder().build().endpoints()) {
            limits = limits.withRateLimit(endpoint, UNLIMITED);
        }
        return limits;
    }

    private static String yaml(Path store, List<String> accounts, ApiVersion api) {
        StringBuilder y = new StringBuilder();
        y.append("environment: dev\n");
        y.append("app:\n  name: bench-bots-dev\n  purpose: \"measure what the guards cost\"\n");
        y.append("store:\n  url: \"jdbc:h2:file:")
                .append(store.toAbsolutePath())
                .append("\"\n");
        y.append("platform:\n  api: ")
                .append(api == ApiVersion.V2 ? "v2" : "v1.1")
                .append("\n");
        y.append("scheduler:\n  threads: 1\n");
        y.append("accounts:\n");
        accounts.forEach(a -> y.append("  - handle: ").append(a).append('\n'));
        y.append("bots:\n");
        for (String a : accounts) {
            y.append("  - name: bot-").append(a.replace('_', '-')).append('\n');
            y.append("    class: ").append(CapturingBot.class.getName()).append('\n');
            y.append("    account: ").append(a).append('\n');
            y.append("    schedule:\n      every: 1d\n");
        }
        return y.toString();
    }

    /** Runs each bot once, so that its context (and with it the guarded actions) is in hand. */
    private void captureContexts() {
        for (String handle : bridleHandles) {
            runtime.bots().runScheduled("bot-" + handle.replace('_', '-'));
        }
    }

    /** Consent to every contact for every simulated user, through the registry, on two threads. */
    private void grantConsent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String user : userIds) {
                done.add(pool.submit(() -> runtime.consents()
                        .grant(ConsentGrant.of(
                                user,
                                EnumSet.of(
                                        ConsentScope.REPLY, ConsentScope.MENTION, ConsentScope.DM, ConsentScope.FOLLOW),
                                Evidence.reference(Channel.API, "bench")))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The guarded actions of the bot acting as {@code handle}. */
    public BotContext context(String handle) {
        return CapturingBot.CONTEXTS.get(handle.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            sandbox.close();
        }
    }
}
