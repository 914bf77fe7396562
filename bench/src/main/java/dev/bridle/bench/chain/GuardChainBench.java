package dev.bridle.bench.chain;

import static dev.bridle.bench.Stats.f;

import dev.bridle.bench.Args;
import dev.bridle.bench.BenchStore;
import dev.bridle.bench.Machine;
import dev.bridle.bench.Stats;
import dev.bridle.bench.SyntheticPosts;
import dev.bridle.bench.e2e.BenchClock;
import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentGuard;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.dedupe.DuplicateGuard;
import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.dedupe.Fingerprint;
import dev.bridle.internal.dedupe.JdbcPostFingerprintStore;
import dev.bridle.internal.guard.ContentValidityGuard;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.EnvironmentGuard;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.AccountPauseGuard;
import dev.bridle.internal.optout.OptOutGuard;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.Trigger;
import dev.bridle.internal.runtime.ContactSettings;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.throttle.JdbcAnsweredInteractions;
import dev.bridle.internal.throttle.JdbcFollowHistory;
import dev.bridle.internal.throttle.LocalBucketStore;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.internal.throttle.Throttles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Point 3 of issue 7: the guard chain alone, every guard on, at scale: 10,000 accounts, 100,000 consent records,
 * 100,000 opt-outs and 1,000,000 stored posts in the duplicate index, on an H2 file store. The consents and opt-outs go
 * in through their registries (each one durable, as in production); the posts are fingerprinted and written to the
 * fingerprint store, and the index is rebuilt from it as at start-up. Then decisions through {@link GuardChain}: p50,
 * p99, and the heap each structure holds (used heap after GC before and after it is built). Prints Markdown.
 *
 * <p>Options: {@code --quick}, {@code --accounts}, {@code --consents}, {@code --optouts}, {@code --posts},
 * {@code --decisions}, {@code --loaders 4}.
 */
public final class GuardChainBench {

    static final Instant ORIGIN = Instant.parse("2026-11-28T09:00:00Z");
    /** Time moved on per decision, so that the throttles defer only what a busy deployment would. */
    static final Duration STEP = Duration.ofMillis(100);

    private GuardChainBench() {}

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int accounts = a.size("--accounts", 10_000, 10_000);
        int consents = a.size("--consents", 100_000, 10_000);
        int optOuts = a.size("--optouts", 100_000, 10_000);
        int posts = a.size("--posts", 1_000_000, 100_000);
        int decisions = a.size("--decisions", 50_000, 5_000);
        int loaders = a.getInt("--loaders", 4);

        Path dir = Files.createTempDirectory("bridle-chain");
        BenchClock clock = new BenchClock(ORIGIN, 0.0); // time moves only when the harness moves it
        for (String warm : List.of("Ѕеvеrе ΚΑΤ storm 🔥 #wx https://bit.ly/x @ann", "ᴀʟᴇʀᴛ ＦＵＬＬ 𝐁𝐨𝐥𝐝 2.4.0")) {
            Fingerprint.of(warm); // ICU's data is not any structure's
        }
        try (Database db = BenchStore.open(dir)) {
            ContactSettings contact = ContactSettings.defaults("bench-bots-dev");
            ConsentRegistry consentRegistry = new ConsentRegistry(db, clock, contact.consent());
            OptOutRegistry optOutRegistry = new OptOutRegistry(db, clock, contact.optOut(), consentRegistry);
            AccountHealth health = new AccountHealth(db, clock);
            long heap0 = Machine.usedHeapAfterGc();

            // consents and opt-outs, through the registries
            long t0 = System.nanoTime();
            parallel(
                    loaders,
                    consents,
                    i -> consentRegistry.grant(ConsentGrant.of(
                            consentUser(i),
                            EnumSet.of(ConsentScope.REPLY, ConsentScope.MENTION, ConsentScope.DM, ConsentScope.FOLLOW),
                            Evidence.reference(Channel.API, "bench"))));
            double consentSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            parallel(
                    loaders,
                    optOuts,
                    i -> optOutRegistry.optOut(
                            optOutUser(i), "*", Evidence.reference(Channel.API, "bench"), Trigger.NONE));
            double optOutSeconds = (System.nanoTime() - t0) / 1e9;

            // stored posts: fingerprinted, written to the fingerprint store, then the index rebuilt from it
            t0 = System.nanoTime();
            writePosts(db, posts, accounts);
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            long heap1 = Machine.usedHeapAfterGc();
            t0 = System.nanoTime();
            DuplicateGuard duplicates = DuplicateGuard.builder(new JdbcPostFingerprintStore(db.dataSource()), clock)
                    .policy(DuplicatePolicy.defaults())
                    .maxEntries(posts + decisions + 10_000)
                    .build();
            double rebuildSeconds = (System.nanoTime() - t0) / 1e9;
            long heap2 = Machine.usedHeapAfterGc();

            Throttles throttles = Throttles.create(
                    ThrottleSettings.defaults(),
                    clock,
                    new LocalBucketStore(clock),
                    new JdbcFollowHistory(db.dataSource(), clock),
                    new JdbcAnsweredInteractions(db.dataSource()));
            List<Guard> guards = new ArrayList<>();
            guards.add(new EnvironmentGuard("bench-bots-dev", Environment.DEV));
            guards.add(new AccountPauseGuard(health));
            guards.add(new OptOutGuard(optOutRegistry));
            guards.add(new ConsentGuard(consentRegistry, clock));
            guards.add(new ContentValidityGuard());
            guards.add(duplicates);
            guards.addAll(throttles.guards());
            Account[] accountRefs = new Account[accounts];
            for (int i = 0; i < accounts; i++) {
                accountRefs[i] = new Account("bench_" + i, Long.toString(9_000_000_000L + i));
            }

            // throttle buckets: one post and one direct message for every account (to a consent user each)
            SyntheticPosts texts = new SyntheticPosts(21, 0.3);
            try (GuardChain chain = new GuardChain(guards)) {
                for (int i = 0; i < accounts; i++) {
                    decideAndRelease(chain, post(accountRefs[i], texts));
                    decideAndRelease(chain, dm(accountRefs[i], consentUser(i % consents)));
                }
                long heap3 = Machine.usedHeapAfterGc();
                // the caches, full: every consent and opt-out looked up once
                for (int i = 0; i < consents; i++) {
                    consentRegistry.cachedState(consentUser(i));
                }
                for (int i = 0; i < optOuts; i++) {
                    optOutRegistry.cachedStatus(optOutUser(i));
                }
                long heap4 = Machine.usedHeapAfterGc();

                // the decisions
                SplittableRandom random = new SplittableRandom(5);
                Map<String, Integer> outcomes = new TreeMap<>();
                for (int i = 0; i < 2_000; i++) {
                    clock.advance(STEP);
                    decideAndRelease(chain, request(random, accountRefs, consents, optOuts, texts));
                }
                long[] all = new long[decisions];
                Map<String, List<Long>> byKind = new TreeMap<>();
                double load0 = Machine.loadAverage();
                for (int i = 0; i < decisions; i++) {
                    clock.advance(STEP);
                    ActionRequest request = request(random, accountRefs, consents, optOuts, texts);
                    long s = System.nanoTime();
                    Decision d = chain.evaluate(request);
                    long took = System.nanoTime() - s;
                    chain.release(request);
                    all[i] = took;
                    byKind.computeIfAbsent(
                                    request.kind().name().toLowerCase().replace('_', ' '), k -> new ArrayList<>())
                            .add(took);
                    outcomes.merge(d.allows() ? "allowed" : describe(d), 1, Integer::sum);
                }
                double load1 = Machine.loadAverage();
                long[] sorted = Stats.sorted(all);

                System.out.println("## Point 3: the guard chain alone, at scale");
                System.out.println();
                System.out.println(f(
                        "%,d accounts, %,d users with consent, %,d opted-out users, %,d stored posts in the duplicate "
                                + "index (30 %% from templates); every guard on, through `GuardChain`; H2 file store; %s; load average "
                                + "%.1f → %.1f during the decisions.",
                        accounts, consents, optOuts, posts, Machine.describe(), load0, load1));
                System.out.println();
                System.out.println(f(
                        "%,d decisions: a random account; posts 30 %% (new text), replies 20 %%, direct messages 25 %% and "
                                + "follows 25 %% to a random user, one in five of them opted out. Time moves %d ms per decision, so "
                                + "consent and opt-out lookups mostly miss their 5-second caches and read the database, as they "
                                + "would for a large audience. Each allowed request is released afterwards (not timed).",
                        decisions, STEP.toMillis()));
                System.out.println();
                System.out.println("| decisions | p50 | p99 | mean |");
                System.out.println("|---|---:|---:|---:|");
                System.out.println(f(
                        "| **all** | **%s** | **%s** | %s |",
                        Stats.us(Stats.pct(sorted, 50)),
                        Stats.us(Stats.pct(sorted, 99)),
                        Stats.us(Stats.mean(sorted))));
                for (var e : byKind.entrySet()) {
                    long[] k = e.getValue().stream()
                            .mapToLong(Long::longValue)
                            .sorted()
                            .toArray();
                    System.out.println(f(
                            "| %s | %s | %s | %s |",
                            e.getKey(),
                            Stats.us(Stats.pct(k, 50)),
                            Stats.us(Stats.pct(k, 99)),
                            Stats.us(Stats.mean(k))));
                }
                System.out.println();
                System.out.println("Outcomes: " + outcomes);
                System.out.println();
                System.out.println("| structure | heap (used after GC, before → after) | per item |");
                System.out.println("|---|---:|---:|");
                mem(f("duplicate index, %,d posts (rebuilt from the store)", posts), heap2 - heap1, posts);
                mem(
                        f(
                                "throttle buckets, %,d accounts (a post and a direct message each) and their targets",
                                accounts),
                        heap3 - heap2,
                        accounts);
                mem(
                        f(
                                "consent and opt-out caches, full (%,d + %,d users; each capped at 100,000)",
                                consents, optOuts),
                        heap4 - heap3,
                        consents + optOuts);
                mem("consent records and opt-outs themselves", 0, 1);
                System.out.println();
                System.out.println(f(
                        "Consents and opt-outs live in the database, not the heap (%,d + %,d rows; the heap grew %,d KB "
                                + "while they were written, which is H2's page cache). Loading them through the registries, "
                                + "each forced to disk, on %d threads: %,.0f consents/s, %,.0f opt-outs/s (an opt-out also "
                                + "withdraws consent). Posts written to the fingerprint store in %.0f s; the index rebuilt in %.1f s.",
                        consents,
                        optOuts,
                        (heap1 - heap0) / 1024,
                        loaders,
                        consents / consentSeconds,
                        optOuts / optOutSeconds,
                        writeSeconds,
                        rebuildSeconds));
                System.out.println();
            }
        }
    }

    private static void mem(String what, long bytes, int items) {
        if (items == 1 && bytes == 0) {
            return;
        }
        if (bytes < 2_000_000) {
            System.out.println(f(
                    "| %s | under 2 MB (%,.1f MB measured: within this measurement's noise) | – |", what, bytes / 1e6));
            return;
        }
        System.out.println(f("| %s | %,.1f MB | %,d bytes |", what, bytes / 1e6, bytes / Math.max(1, items)));
    }

    private static String describe(Decision d) {
        return d.verdict() instanceof dev.bridle.guard.Verdict.Deny deny
                ? "denied " + deny.code()
                : d.verdict() instanceof dev.bridle.guard.Verdict.Defer defer ? "deferred " + defer.code() : "?";
    }

    static String consentUser(int i) {
        return Integer.toString(10_000_000 + i);
    }

    static String optOutUser(int i) {
        return Integer.toString(20_000_000 + i);
    }

    private static final AtomicInteger INBOUND = new AtomicInteger();

    private static ActionRequest request(
            SplittableRandom random, Account[] accounts, int consents, int optOuts, SyntheticPosts texts) {
        Account account = accounts[random.nextInt(accounts.length)];
        String user =
                random.nextInt(5) == 0 ? optOutUser(random.nextInt(optOuts)) : consentUser(random.nextInt(consents));
        int roll = random.nextInt(100);
        Instant now = Instant.EPOCH; // GuardChain reads the clock, not this
        if (roll < 30) {
            return post(account, texts);
        }
        if (roll < 50) {
            return new ActionRequest(
                    UUID.randomUUID(),
                    "bench",
                    account,
                    ActionKind.REPLY,
                    texts.diverse().replace("@", ""),
                    List.of(new Target(UserRef.ofId(user), TargetRole.REPLIED_TO)),
                    new PostRef(
                            Long.toString(1_900_000_000_000_000_000L + INBOUND.incrementAndGet()), UserRef.ofId(user)),
                    "m" + INBOUND.get(),
                    now);
        }
        if (roll < 75) {
            return dm(account, user);
        }
        return new ActionRequest(
                UUID.randomUUID(),
                "bench",
                account,
                ActionKind.FOLLOW,
                null,
                List.of(new Target(UserRef.ofId(user), TargetRole.FOLLOWED)),
                null,
                null,
                now);
    }

    private static ActionRequest post(Account account, SyntheticPosts texts) {
        return new ActionRequest(
                UUID.randomUUID(),
                "bench",
                account,
                ActionKind.POST,
                texts.next().replace("@", ""),
                List.of(),
                null,
                null,
                Instant.EPOCH);
    }

    private static ActionRequest dm(Account account, String user) {
        return new ActionRequest(
                UUID.randomUUID(),
                "bench",
                account,
                ActionKind.DIRECT_MESSAGE,
                "hello",
                List.of(new Target(UserRef.ofId(user), TargetRole.RECIPIENT)),
                null,
                null,
                Instant.EPOCH);
    }

    private static void decideAndRelease(GuardChain chain, ActionRequest request) {
        chain.evaluate(request);
        chain.release(request);
    }

    /** Runs {@code task(i)} for i in [0, n) on {@code threads} threads. */
    private static void parallel(int threads, int n, java.util.function.IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Fingerprints and batch-writes {@code n} posts into the fingerprint store's table, spread over the last 29 days.
     */
    private static void writePosts(Database db, int n, int accounts) throws Exception {
        SyntheticPosts stored = new SyntheticPosts(1, 0.3);
        long span = Duration.ofDays(29).toMillis();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dedupe_post "
                    + "(request_id, account, channel, exact_hash, fingerprint, reserved_at, state, platform_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'SENT', ?)")) {
                for (int i = 0; i < n; i++) {
                    Fingerprint fp = Fingerprint.of(stored.next());
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "bench_" + (i % accounts));
                    ps.setString(3, dev.bridle.internal.dedupe.Channel.PUBLIC.name());
                    ps.setLong(4, fp.exactHash());
                    ps.setBytes(5, fp.toBytes());
                    ps.setObject(6, ORIGIN.minusMillis(span - span * i / n).atOffset(ZoneOffset.UTC));
                    ps.setString(7, Long.toString(1_800_000_000_000_000_000L + i));
                    ps.addBatch();
                    if ((i + 1) % 5_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
    }
}
