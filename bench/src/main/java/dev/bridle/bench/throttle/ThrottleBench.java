package dev.bridle.bench.throttle;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bridle.bench.BenchStore;
import dev.bridle.bench.e2e.BenchClock;
import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.guard.ReservingGuard;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.throttle.BucketStore;
import dev.bridle.internal.throttle.InMemoryAnsweredInteractions;
import dev.bridle.internal.throttle.InMemoryFollowHistory;
import dev.bridle.internal.throttle.JdbcAnsweredInteractions;
import dev.bridle.internal.throttle.JdbcFollowHistory;
import dev.bridle.internal.throttle.LocalBucketStore;
import dev.bridle.internal.throttle.PostgresBucketStore;
import dev.bridle.internal.throttle.TakeJournal;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.internal.throttle.Throttles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.flywaydb.core.Flyway;

/**
 * Throttle decisions per second and latency percentiles for the whole throttle guard set, with 10,000 accounts and
 * 100,000 target users, on 2 threads (issue 6's figure). Simulated time advances 60 ms per decision, so each account
 * attempts about 144 actions a day, well over its limits, and 80 % of contacts go to the 20 % busiest users: a busy
 * deployment in which the throttles refuse much of what is asked.
 *
 * <pre>
 * bench/run.sh dev.bridle.bench.throttle.ThrottleBench [--quick] [--chain] [--journal] [--postgres JDBC_URL] [--decisions N]
 * </pre>
 *
 * Without options, three rows one after the other (what {@code bench/run.sh all} does): in memory on the caller's
 * thread, the same with every allowed decision's takes journaled to an H2 file ({@link TakeJournal}, as {@code bridle
 * run} does on H2 since issue 11), and in memory through a {@link GuardChain}. {@code --journal} measures only the
 * journaled row. {@code --chain} runs each decision through a {@link GuardChain} (its worker-thread hop included)
 * instead of calling the guards in order on the caller's thread; {@code --postgres} keeps buckets, follow history and
 * answered interactions in PostgreSQL instead of memory.
 */
public final class ThrottleBench {

    static final int ACCOUNTS = 10_000;
    static final int USERS = 100_000;
    static final int POSTS = 1_000_000;
    static final int THREADS = 2;
    static final long STEP_NANOS = 60_000_000L;

    private ThrottleBench() {}

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        String pg = a.contains("--postgres") ? a.get(a.indexOf("--postgres") + 1) : null;
        Integer decisions = a.contains("--decisions") ? Integer.valueOf(a.get(a.indexOf("--decisions") + 1)) : null;
        System.out.println("## Issue 6: throttle decisions");
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "The whole throttle guard set, %,d accounts, %,d target users (80 %% of contacts to the busiest "
                        + "20 %%), a mix of replies 35 %%, posts 15 %%, likes 15 %%, follows 10 %%, reposts 10 %%, "
                        + "DMs 10 %%, unfollows 5 %%, "
                        + "%d threads; simulated time moves 60 ms per decision; %s.%n%n",
                ACCOUNTS,
                USERS,
                THREADS,
                dev.bridle.bench.Machine.describe());
        System.out.println("| stores | how called | decisions/s | p50 | p99 | p99.9 |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        if (pg != null) {
            measure(false, pg, false, decisions != null ? decisions : 20_000);
        } else if (a.contains("--journal")) {
            measure(false, null, true, decisions != null ? decisions : quick ? 50_000 : 200_000);
        } else {
            if (!a.contains("--chain")) {
                measure(false, null, false, decisions != null ? decisions : quick ? 200_000 : 1_000_000);
                measure(false, null, true, decisions != null ? decisions : quick ? 50_000 : 200_000);
            }
            measure(true, null, false, decisions != null ? decisions : quick ? 50_000 : 200_000);
        }
        System.out.println();
    }

    private static void measure(boolean chain, String pg, boolean journal, int decisions) throws Exception {
        int warmup = decisions / 4;
        BenchClock clock = new BenchClock(Instant.parse("2026-11-28T09:00:00Z"), 0); // moved only by the harness
        Throttles throttles;
        HikariDataSource ds = null;
        Database journalStore = null;
        Path journalDir = null;
        if (journal) {
            journalDir = Files.createTempDirectory("throttle-bench-journal");
            journalStore = BenchStore.open(journalDir);
            throttles = Throttles.journaled(
                    ThrottleSettings.defaults(),
                    clock,
                    new LocalBucketStore(clock),
                    new TakeJournal(journalStore.dataSource(), clock),
                    new InMemoryFollowHistory(),
                    new InMemoryAnsweredInteractions());
        } else if (pg == null) {
            throttles = Throttles.create(
                    ThrottleSettings.defaults(),
                    clock,
                    new LocalBucketStore(clock),
                    new InMemoryFollowHistory(),
                    new InMemoryAnsweredInteractions());
        } else {
            ds = postgres(pg);
            BucketStore buckets = new PostgresBucketStore(ds, clock);
            throttles = Throttles.create(
                    ThrottleSettings.defaults(),
                    clock,
                    buckets,
                    new JdbcFollowHistory(ds, clock),
                    new JdbcAnsweredInteractions(ds));
        }
        List<Guard> guards = throttles.guards();
        GuardChain guardChain = chain ? new GuardChain(guards) : null;

        Account[] accounts = new Account[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts[i] = new Account("bench_" + i, Long.toString(9_000_000_000L + i));
        }
        run(guards, guardChain, accounts, clock, warmup, null, 1);
        Outcomes outcomes = new Outcomes();
        long[][] latencies = new long[THREADS][];
        long started = System.nanoTime();
        run(guards, guardChain, accounts, clock, decisions, latencies, 2, outcomes);
        long elapsed = System.nanoTime() - started;

        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = all.length / (elapsed / 1e9);
        String stores = journal
                ? "in memory, takes journaled to an H2 file (`TakeJournal`)"
                : pg == null ? "in memory (`LocalBucketStore`)" : "PostgreSQL";
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %,.0f | %.1f µs | %.1f µs | %.1f µs |%n",
                stores,
                chain
                        ? "through `GuardChain` (worker-thread hop per decision)"
                        : "guards in order on the caller's thread",
                perSecond,
                pct(all, 0.50),
                pct(all, 0.99),
                pct(all, 0.999));
        System.err.printf(
                Locale.ROOT,
                "throttle bench (%s%s): %,d decisions in %.2f s; outcomes: %s%n",
                chain ? "chain" : "in order",
                journal ? ", journaled" : "",
                all.length,
                elapsed / 1e9,
                outcomes);
        if (guardChain != null) {
            guardChain.close();
        }
        if (ds != null) {
            ds.close();
        }
        if (journalStore != null) {
            journalStore.close();
            try (var files = Files.walk(journalDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(
            List<Guard> guards,
            GuardChain chain,
            Account[] accounts,
            BenchClock clock,
            int perThread,
            long[][] latencies,
            long seed,
            Outcomes... outcomes)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            long[] lat = new long[perThread];
            if (latencies != null) {
                latencies[t] = lat;
            }
            threads[t] = new Thread(
                    () -> {
                        SplittableRandom random = new SplittableRandom(seed * 31 + id);
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        for (int i = 0; i < perThread; i++) {
                            ActionRequest request = request(random, accounts, clock.instant());
                            clock.advance(Duration.ofNanos(STEP_NANOS));
                            long t0 = System.nanoTime();
                            String outcome = chain == null ? decide(guards, request) : decide(chain, request);
                            lat[i] = System.nanoTime() - t0;
                            if (outcomes.length > 0) {
                                outcomes[0].add(outcome);
                            }
                        }
                    },
                    "bench-" + t);
            threads[t].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * What GuardChain does, on this thread: first refusal wins and releases every reservation; an allow is sent and
     * confirmed.
     */
    private static String decide(List<Guard> guards, ActionRequest request) {
        for (Guard guard : guards) {
            Verdict verdict;
            try {
                verdict = guard.check(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (!verdict.allows()) {
                for (Guard g : guards) {
                    if (g instanceof ReservingGuard r) {
                        r.release(request);
                    }
                }
                return describe(verdict);
            }
        }
        for (Guard g : guards) {
            if (g instanceof ReservingGuard r) {
                r.confirm(request, "sent");
            }
        }
        return "allowed";
    }

    private static String decide(GuardChain chain, ActionRequest request) {
        Decision decision = chain.evaluate(request);
        if (decision.allows()) {
            chain.confirm(request, "sent");
            return "allowed";
        }
        return describe(decision.verdict());
    }

    private static String describe(Verdict verdict) {
        if (verdict instanceof Verdict.Defer d) {
            return "deferred " + d.code();
        }
        return "denied " + ((Verdict.Deny) verdict).code();
    }

    /** A realistic mix: mostly replies to mentions, then posts, likes, follows, reposts, DMs, unfollows. */
    private static ActionRequest request(SplittableRandom random, Account[] accounts, Instant now) {
        Account account = accounts[random.nextInt(ACCOUNTS)];
        UserRef user = UserRef.ofId(Integer.toString(1 + hotUser(random)));
        int roll = random.nextInt(100);
        ActionKind kind;
        List<Target> targets = List.of();
        PostRef post = null;
        String text = null;
        String inbound = null;
        if (roll < 35) {
            kind = ActionKind.REPLY;
            text = "thanks";
            targets = List.of(new Target(user, TargetRole.REPLIED_TO));
            post = new PostRef(Long.toString(random.nextLong(1, Long.MAX_VALUE)), user);
            inbound = random.nextInt(100) < 2
                    ? "m" + random.nextInt(1_000)
                    : "m" + random.nextLong(Long.MAX_VALUE); // a few repeats
        } else if (roll < 50) {
            kind = ActionKind.POST;
            text = "news";
            if (roll < 53) {
                targets = List.of(new Target(user, TargetRole.MENTIONED));
            }
        } else if (roll < 60) {
            kind = ActionKind.DIRECT_MESSAGE;
            text = "hi";
            targets = List.of(new Target(user, TargetRole.RECIPIENT));
        } else if (roll < 70) {
            kind = ActionKind.FOLLOW;
            targets = List.of(new Target(user, TargetRole.FOLLOWED));
        } else if (roll < 75) {
            kind = ActionKind.UNFOLLOW;
            targets = List.of(new Target(user, TargetRole.UNFOLLOWED));
        } else if (roll < 90) {
            kind = ActionKind.LIKE;
            post = new PostRef(Integer.toString(random.nextInt(POSTS)), user);
        } else {
            kind = ActionKind.REPOST;
            post = new PostRef(Integer.toString(random.nextInt(POSTS)), user);
        }
        // SplittableRandom ids: UUID.randomUUID() would measure SecureRandom's lock, not the throttles.
        return new ActionRequest(
                new UUID(random.nextLong(), random.nextLong()),
                "bench",
                account,
                kind,
                text,
                targets,
                post,
                inbound,
                now);
    }

    /** 80 % of actions reach the 20 % most active users. */
    private static int hotUser(SplittableRandom random) {
        return random.nextInt(100) < 80 ? random.nextInt(USERS / 5) : random.nextInt(USERS);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e3;
    }

    private static HikariDataSource postgres(String url) {
        String schema = "throttle_bench";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setSchema(schema);
        config.setMaximumPoolSize(8);
        config.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS " + schema);
        HikariDataSource ds = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(ds)
                .schemas(schema)
                .cleanDisabled(false)
                .load()
                .clean();
        Flyway.configure()
                .dataSource(ds)
                .schemas(schema)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return ds;
    }

    /** Simulated time shared by both threads. */
    /** Outcome counts. */
    static final class Outcomes {
        private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

        void add(String outcome) {
            counts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }

        @Override
        public String toString() {
            long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
            StringBuilder b = new StringBuilder();
            counts.entrySet().stream()
                    .sorted((x, y) ->
                            Long.compare(y.getValue().sum(), x.getValue().sum()))
                    .forEach(e -> b.append(String.format(
                            Locale.ROOT,
                            "%n  %-40s %5.1f %%",
                            e.getKey(),
                            100.0 * e.getValue().sum() / total)));
            return b.toString();
        }
    }
}
