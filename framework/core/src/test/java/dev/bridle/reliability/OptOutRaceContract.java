package dev.bridle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.DuplicatesConfig;
import dev.bridle.internal.config.InboundConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.config.ThrottlesConfig;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.platform.twitter.TwitterPlatform;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.HookedRuntimes;
import dev.bridle.internal.runtime.RetryPolicy;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.throttle.Limit;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race the README promises to win (guarantee 3: no action is sent whose final check began after an opt-out was
 * acknowledged), played out on a whole runtime: real twitter4j over loopback HTTP with real OAuth signatures to the
 * sandbox, every guard on, the real store. Sender threads send direct messages and replies to many consenting users
 * from several accounts, while opt-out threads record STOPs for those users ({@link OptOutDriver}: through the
 * registry, and through a STOP mention polled by the real inbound path), and the sandbox answers a share of the writes
 * with 503, drops a share of the connections before and after the write, and the platform wrapper refuses a share of
 * connections: retries and in-doubt reconciliation happen throughout.
 *
 * <p>Everything is recorded on one monotonic clock ({@link RaceLog}): when each opt-out was acknowledged, when each
 * final check began (recording guards around the final-check chain, installed through the runtime's test hook,
 * {@link HookedRuntimes}), and each platform call ({@link RecordingPlatform}); the sandbox's clock reads the same
 * {@code nanoTime}. The dispatcher's waits do not sleep: each is a point where the waiting action's user may opt out
 * ({@link RaceWindow}). {@link RaceAnalysis} says what must hold and reports, by request, user and text, every call and
 * delivery that breaks it.
 *
 * <p>Bounded so that it takes seconds in {@code mvn verify}: {@value #USERS} users, {@value #SENDERS} senders of
 * {@value #ACTIONS_PER_SENDER} actions each on {@value #ACCOUNTS} accounts. {@code -Dbridle.race.scale=N} multiplies
 * the users, accounts and actions by N; {@code -Dbridle.race.seed=S} replays a run's choices (the seed is printed;
 * thread timing still varies).
 */
abstract class OptOutRaceContract {

    static final int USERS = 40;
    static final int SENDERS = 6;
    static final int ACTIONS_PER_SENDER = 30;
    static final int ACCOUNTS = 3;
    /** The share of users who opt out during the run. */
    static final double OPTING_OUT = 0.6;
    /** The probability that a wait before another call to a user who will opt out is where they do. */
    static final double RACE_SHARE = 0.6;

    private static final String DM_ENDPOINT = "POST /2/dm_conversations/with/:participant_id/messages";
    private static final String POST_ENDPOINT = "POST /2/tweets";
    private static final List<String> RATE_LIMITED_ENDPOINTS = List.of(
            DM_ENDPOINT,
            POST_ENDPOINT,
            "GET /2/dm_events",
            "GET /2/users/:id/tweets",
            "GET /2/users/:id/mentions",
            "GET /2/users/me",
            "GET /2/users/by/username/:username");

    @TempDir
    Path dir;

    /** The store under test. */
    protected abstract StoreConfig store(Path dir);

    /** A bot with nothing to do on its own: the test's sender threads act through its {@code GuardedActions}. */
    public static final class Sender implements Bot {}

    @Test
    void noActionIsSentWhoseFinalCheckBeganAfterTheOptOutWasAcknowledged() throws Exception {
        int scale = Integer.getInteger("bridle.race.scale", 1);
        long seed = Long.getLong("bridle.race.seed", new Random().nextLong());
        int users = USERS * scale;
        int accounts = ACCOUNTS * scale;
        int actionsPerSender = ACTIONS_PER_SENDER * scale;
        int senders = SENDERS * scale;
        String replay =
                "seed " + seed + " (replay with -Dbridle.race.seed=" + seed + " -Dbridle.race.scale=" + scale + ")";
        System.out.println(getClass().getSimpleName() + ": " + replay);

        MonotonicClock clock = new MonotonicClock();
        RaceLog log = new RaceLog();
        List<String> handles = new ArrayList<>();
        Sandbox.Builder box =
                Sandbox.builder().clock(clock).seed(seed).limits(limits()).faults(faults(seed));
        for (int a = 0; a < accounts; a++) {
            handles.add("race_" + (char) ('a' + a % 26) + (a / 26 == 0 ? "" : Integer.toString(a / 26)));
            box.account(handles.get(a));
        }
        for (int u = 0; u < users; u++) {
            box.simulatedUser(String.format(Locale.ROOT, "user%03d", u));
        }
        try (Sandbox sandbox = box.build().start()) {
            List<UserRef> people = sandbox.simulatedUsers().stream()
                    .map(s -> new UserRef(s.userId(), s.handle()))
                    .toList();
            Map<String, String> handleById = new ConcurrentHashMap<>();
            people.forEach(p -> handleById.put(p.id(), p.handle()));

            RaceWindow window = new RaceWindow(log);
            BridleConfig config = config(store(dir), handles);
            TwitterPlatform.configureJvm();
            try (BridleRuntime runtime = HookedRuntimes.create(
                    config,
                    feedback -> new RecordingPlatform(
                            adapter(sandbox, handles, clock)
                                    .rateLimits(feedback)
                                    .build(),
                            log,
                            0.04,
                            seed),
                    clock,
                    RetryPolicy.DEFAULT.withSleeper(window),
                    checks -> RecordingFinalChecks.around(checks, log))) {
                for (UserRef person : people) {
                    runtime.consents()
                            .grant(ConsentGrant.of(
                                    person.id(),
                                    Set.of(ConsentScope.REPLY, ConsentScope.DM),
                                    Evidence.reference(Channel.API, "race test: @" + person.handle() + " signed up")));
                }
                List<UserRef> planned = new ArrayList<>(people);
                java.util.Collections.shuffle(planned, new Random(seed));
                planned = planned.subList(0, (int) (people.size() * OPTING_OUT));
                long total = (long) senders * actionsPerSender;
                Tally tally = new Tally();
                runtime.start();
                try (OptOutDriver optOuts =
                        new OptOutDriver(runtime, sandbox, log, handles, planned, total, RACE_SHARE, seed).start()) {
                    window.attach(optOuts);
                    send(runtime, sandbox, people, handles, senders, actionsPerSender, seed, optOuts, tally);
                    awaitDeferred(runtime);
                    optOuts.close();
                    assertThat(optOuts.errors())
                            .as("the opt-out threads' errors; " + replay)
                            .isEmpty();
                }
                window.attach(null);
                runtime.close();
                judge(log, clock, handleById, sandbox, handles, tally, replay);
            }
        }
    }

    private static SandboxLimits limits() {
        SandboxLimits limits = SandboxLimits.defaults().withTimestampTolerance(Duration.ofDays(1));
        for (String endpoint : RATE_LIMITED_ENDPOINTS) {
            limits = limits.withRateLimit(endpoint, 1_000_000);
        }
        return limits;
    }

    /**
     * 503s, and connections dropped before and after the write, on both writes; a few 503s on the reads reconciliation
     * makes.
     */
    private static FaultPlan faults(long seed) {
        FaultPlan.Builder plan = FaultPlan.builder().seed(seed);
        for (String write : List.of(DM_ENDPOINT, POST_ENDPOINT)) {
            plan.fraction(write, 0.12, Fault.serviceUnavailable())
                    .fraction(write, 0.08, Fault.dropBefore())
                    .fraction(write, 0.08, Fault.dropAfter());
        }
        return plan.fraction("GET /2/dm_events", 0.03, Fault.serviceUnavailable())
                .fraction("GET /2/users/:id/tweets", 0.03, Fault.serviceUnavailable())
                .build();
    }

    private static TwitterPlatform.Builder adapter(Sandbox sandbox, List<String> handles, MonotonicClock clock) {
        TwitterPlatform.Builder b = TwitterPlatform.builder()
                .api(PlatformConfig.ApiVersion.V2)
                .baseUrl(sandbox.baseUrl().toString())
                .clock(clock);
        for (String handle : handles) {
            SandboxAccount account = sandbox.account(handle);
            b.account(
                    handle,
                    new Credentials(
                            Secret.of(sandbox.app().consumerKey()),
                            Secret.of(sandbox.app().consumerSecret()),
                            Secret.of(account.accessToken()),
                            Secret.of(account.accessTokenSecret())));
        }
        return b;
    }

    /**
     * Limits high enough that throttles rarely stand in the way (the platform's ceilings still hold), and a spacing of
     * one millisecond, so that two senders on one account now and then defer each other and the deferred run is part of
     * the race too.
     */
    private static BridleConfig config(StoreConfig store, List<String> handles) {
        ThrottleSettings throttles = ThrottleSettings.defaults()
                .withAccountLimits(ActionKind.REPLY, Limit.of(200, Duration.ofDays(1)))
                .withAccountLimits(ActionKind.DIRECT_MESSAGE, Limit.of(240, Duration.ofDays(1)))
                .withTargetContacts(Limit.of(100_000, Duration.ofDays(1)))
                .withMinSpacing(Duration.ofMillis(1));
        List<AccountConfig> accounts =
                handles.stream().map(h -> new AccountConfig(h, null)).toList();
        List<BotConfig> bots = handles.stream()
                .map(h -> new BotConfig("sender-" + h, Sender.class.getName(), h, null, Set.of()))
                .toList();
        return new BridleConfig(
                "<race test>",
                Environment.DEV,
                new AppConfig("race-bots-dev", "the opt-out race test"),
                false,
                store,
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(2),
                List.of(),
                accounts,
                bots,
                new ThrottlesConfig(throttles, ThrottlesConfig.Buckets.defaultFor(store)),
                DuplicatesConfig.defaults(),
                ConsentSettings.defaults("race-bots-dev"),
                OptOutSettings.defaults(),
                InboundConfig.defaults());
    }

    /** What the senders got back. */
    static final class Tally {
        final Map<String, AtomicLong> results = new ConcurrentHashMap<>();

        void add(ActionResult result) {
            String key = result instanceof ActionResult.Denied d
                    ? "denied " + d.code()
                    : result instanceof ActionResult.Deferred d
                            ? "deferred " + d.code()
                            : result.sent() ? "sent" : "failed";
            results.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public String toString() {
            return new java.util.TreeMap<>(results).toString();
        }
    }

    /** The sender threads: each on one account, to users drawn at random, half direct messages and half replies. */
    private static void send(
            BridleRuntime runtime,
            Sandbox sandbox,
            List<UserRef> people,
            List<String> handles,
            int senders,
            int actionsPerSender,
            long seed,
            OptOutDriver optOuts,
            Tally tally)
            throws Exception {
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(senders, r -> new Thread(r, "race-sender"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                String account = handles.get(s % handles.size());
                GuardedActions actions = runtime.bots()
                        .bot("sender-" + account)
                        .orElseThrow()
                        .context()
                        .actions();
                running.add(pool.submit(() -> {
                    Random random = new Random(seed * 31 + sender);
                    for (int i = 0; i < actionsPerSender; i++) {
                        UserRef to = people.get(random.nextInt(people.size()));
                        String tag = "s" + sender + "n" + i + " " + Long.toHexString(random.nextLong());
                        ActionResult result;
                        if (random.nextBoolean()) {
                            result = actions.directMessage(to, "race message " + tag + " for " + to.handle());
                        } else {
                            SandboxPost asked = sandbox.injectMention(
                                    to.handle(), account, "hi there, a question for you (q" + sender + "x" + i + ")");
                            result = actions.reply(new PostRef(asked.id(), to), "race reply " + tag);
                        }
                        tally.add(result);
                        optOuts.progress(done.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits (on the ledger, with a deadline) until no action is left deferred, so that deferred runs are part of the
     * record.
     */
    private static void awaitDeferred(BridleRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Map<UUID, LedgerEvent> last = new LinkedHashMap<>();
            for (LedgerEntry row : runtime.ledger().tail(1_000_000)) {
                if (row.record().requestId() != null) {
                    last.put(row.record().requestId(), row.record().event());
                }
            }
            if (!last.containsValue(LedgerEvent.DEFERRED)) {
                return;
            }
            Thread.sleep(50); // polling the ledger: nothing signals a deferred run's end
        }
    }

    private static void judge(
            RaceLog log,
            MonotonicClock clock,
            Map<String, String> handleById,
            Sandbox sandbox,
            List<String> handles,
            Tally tally,
            String replay) {
        Set<String> ours =
                handles.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(HashSet::new));
        List<RaceAnalysis.Delivery> delivered = new ArrayList<>();
        sandbox.dms().stream()
                .filter(d -> ours.contains(d.senderHandle().toLowerCase(Locale.ROOT)))
                .forEach(d -> delivered.add(new RaceAnalysis.Delivery(
                        "direct message",
                        d.id(),
                        d.senderHandle(),
                        d.recipientId(),
                        d.text(),
                        clock.nanosOf(d.createdAt()))));
        sandbox.posts().stream()
                .filter(p -> p.isReply() && ours.contains(p.authorHandle().toLowerCase(Locale.ROOT)))
                .forEach(p -> delivered.add(new RaceAnalysis.Delivery(
                        "reply",
                        p.id(),
                        p.authorHandle(),
                        p.inReplyToUserId(),
                        p.text(),
                        clock.nanosOf(p.createdAt()))));
        RaceAnalysis analysis = new RaceAnalysis(log.events(), clock, handleById, delivered);
        String summary = analysis.summary() + "; the senders got " + tally + "; "
                + sandbox.injectedFaults().size() + " faults injected by the sandbox; " + replay;
        System.out.println(summary);

        assertThat(analysis.retries())
                .as("the run must retry calls, or it tests nothing; " + summary)
                .isPositive();
        assertThat(analysis.inDoubt())
                .as("the run must leave calls in doubt; " + summary)
                .isPositive();
        assertThat(analysis.optOuts())
                .as("the run must acknowledge opt-outs; " + summary)
                .isPositive();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(analysis.uncheckedCalls())
                .withFailMessage(
                        "issue 11 point 1 broken (every send, first try, retry "
                                + "after an in-doubt or refused call, deferred run, passes the final checks "
                                + "immediately before its call): %d of "
                                + "%d platform calls had no final check of their own immediately before them:%s%n%s",
                        analysis.uncheckedCalls().size(),
                        analysis.calls(),
                        RaceAnalysis.shown(analysis.uncheckedCalls()),
                        summary)
                .isEmpty();
        soft.assertThat(analysis.callsAfterOptOut())
                .withFailMessage(
                        "README guarantee 3 broken (no action is sent whose final "
                                + "check began after an opt-out was acknowledged): %d platform calls went to a user "
                                + "after their opt-out was "
                                + "acknowledged, with a final check that began after it or none of their own:%s%n%s",
                        analysis.callsAfterOptOut().size(), RaceAnalysis.shown(analysis.callsAfterOptOut()), summary)
                .isEmpty();
        soft.assertThat(analysis.deliveries())
                .withFailMessage(
                        "the sandbox's record breaks guarantee 3 or point 1: %d "
                                + "delivered messages came from no call with its own final check, or reached a user "
                                + "after their acknowledged "
                                + "opt-out from a call whose final check began after it:%s%n%s",
                        analysis.deliveries().size(), RaceAnalysis.shown(analysis.deliveries()), summary)
                .isEmpty();
        soft.assertAll();
    }
}
