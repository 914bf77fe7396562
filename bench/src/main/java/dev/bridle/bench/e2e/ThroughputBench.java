package dev.bridle.bench.e2e;

import static dev.bridle.bench.Stats.f;

import dev.bridle.bench.Args;
import dev.bridle.bench.Machine;
import dev.bridle.bench.Stats;
import dev.bridle.bench.SyntheticPosts;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.UserRef;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.sandbox.fault.FaultPlan;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * Point 4 of issue 7: sustained guarded actions per second across many accounts against the sandbox, with the ledger
 * durable, beside this disk's fsync rate measured in the same run (a loop of write + {@code FileChannel.force} on a
 * file next to the H2 database), the rate of H2's {@code CHECKPOINT SYNC} (what one durable ledger commit costs), and
 * how many records each group commit carried. Prints Markdown.
 *
 * <p>Sender threads share the accounts; each action is a post (50 %), a direct message (30 %) or a follow (20 %) to one
 * of the users, who all have consent. Each thread count is run through Bridle and, for the ceiling the sandbox and
 * loopback HTTP set on this machine, through bare twitter4j with the same mix, each on a fresh sandbox. Time runs
 * {@code --speed} times faster for Bridle and the sandbox ({@link BenchClock}): the same as raising every throttle
 * limit by that factor, so that the throttles do not cap the run while they still do all their work.
 *
 * <p>Options: {@code --quick}, {@code --accounts 1000}, {@code --users 10000}, {@code --threads 4,32} (a row each),
 * {@code --seconds 45}, {@code --warmup-seconds 10}, {@code --speed 100000}.
 */
public final class ThroughputBench {

    private ThroughputBench() {}

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int accounts = a.size("--accounts", 1_000, 1_000);
        int users = a.size("--users", 10_000, 2_000);
        String threadCounts = a.get("--threads", a.quick() ? "32" : "4,32");
        int seconds = a.size("--seconds", 45, 15);
        int warmupSeconds = a.size("--warmup-seconds", 10, 5);
        double speed = Double.parseDouble(a.get("--speed", "100000"));

        System.out.println("## Point 4: sustained throughput, durable ledger");
        System.out.println();
        List<String> rows = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        double[] disk = null;
        for (String t : threadCounts.split(",")) {
            int threads = Integer.parseInt(t.trim());
            for (boolean bridle : new boolean[] {true, false}) {
                // a fresh sandbox for every row: its duplicate check scans every stored post, so a long-lived one slows
                // down
                Path dir = Files.createTempDirectory("bridle-throughput");
                BenchClock clock = new BenchClock(Instant.parse("2026-11-28T09:00:00Z"), speed);
                try (BenchWorld world = bridle
                        ? BenchWorld.open(dir, accounts, 0, users, FaultPlan.none(), clock, ApiVersion.V2)
                        : BenchWorld.open(dir, 1, accounts, users, FaultPlan.none(), clock, ApiVersion.V2, false)) {
                    JdbcAuditLedger ledger = (JdbcAuditLedger) world.runtime.ledger();
                    if (disk == null) {
                        disk = new double[] {fsyncRate(dir.resolve("store"), 3), checkpointRate(ledger, 3)};
                    }
                    List<Actor> actors = bridle ? bridleActors(world) : bareActors(world);
                    load(world, actors, threads, warmupSeconds, 1);
                    long commits0 = ledger.groupCommits();
                    long records0 = ledger.recordsGroupCommitted();
                    double load0 = Machine.loadAverage();
                    Load run = load(world, actors, threads, seconds, 2);
                    long commits = ledger.groupCommits() - commits0;
                    long records = ledger.recordsGroupCommitted() - records0;
                    rows.add(f(
                            "| %d | %s | **%,.0f** | %,.0f | %s | %s | %s | %.1f → %.1f |",
                            threads,
                            bridle ? "Bridle, every guard on" : "bare twitter4j, same sandbox",
                            run.count() / run.seconds,
                            run.sent.sum() / run.seconds,
                            Stats.p50p99ms(run.latencies()),
                            bridle ? f("%,.0f", commits / run.seconds) : "–",
                            bridle ? f("%.1f", (double) records / Math.max(1, commits)) : "–",
                            load0,
                            Machine.loadAverage()));
                    outcomes.add(threads + " threads, " + (bridle ? "Bridle" : "bare") + ": " + run.outcomes());
                }
            }
        }
        System.out.println(f(
                "%,d accounts, %,d users with consent; each action a post (50 %%), a direct message (30 %%) or a "
                        + "follow (20 %%) from the next account of its sender thread; %d s measured after %d s of warm-up per row, each "
                        + "row on a fresh sandbox and store. Time runs %,.0f× faster for Bridle and the sandbox, which is every throttle "
                        + "limit raised %,.0f-fold: the throttles do their work but do not cap the run. API v2, H2 file store, ledger "
                        + "durable; %s.",
                accounts, users, seconds, warmupSeconds, speed, speed, Machine.describe()));
        System.out.println();
        System.out.println(f(
                "This disk, in the same run: **%,.0f fsyncs/s** (4 KB write + `FileChannel.force`, one thread, in the "
                        + "H2 database's directory); one durable ledger append at a time (one H2 `CHECKPOINT SYNC` each): **%,.0f/s**.",
                disk[0], disk[1]));
        System.out.println();
        System.out.println(
                "| sender threads | path | **actions/s** | sent/s | p50 / p99 of one action | ledger group commits/s "
                        + "| records per commit | load average |");
        System.out.println("|---:|---|---:|---:|---|---:|---:|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("Outcomes: " + String.join("; ", outcomes) + ".");
        System.out.println();
    }

    /** One account's way to act: returns what happened. */
    private interface Actor {
        String act(int roll, String user, String text) throws Exception;
    }

    private static List<Actor> bridleActors(BenchWorld world) {
        List<Actor> actors = new ArrayList<>();
        for (String handle : world.bridleHandles) {
            GuardedActions actions = world.context(handle).actions();
            actors.add((roll, user, text) -> describe(
                    roll < 50
                            ? actions.post(text)
                            : roll < 80
                                    ? actions.directMessage(UserRef.ofId(user), text)
                                    : actions.follow(UserRef.ofId(user))));
        }
        return actors;
    }

    private static List<Actor> bareActors(BenchWorld world) {
        List<Actor> actors = new ArrayList<>();
        for (String handle : world.bareHandles) {
            BareClient bare = new BareClient(world.sandbox, handle, ApiVersion.V2);
            actors.add((roll, user, text) -> {
                if (roll < 50) {
                    bare.post(text);
                } else if (roll < 80) {
                    bare.directMessage(user, text);
                } else {
                    bare.follow(user);
                }
                return "SENT";
            });
        }
        return actors;
    }

    /** What a load phase did. */
    private static final class Load {
        final List<long[]> perThread = new ArrayList<>();
        final int[] filled;
        final LongAdder sent = new LongAdder();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        double seconds;

        Load(int threads) {
            filled = new int[threads];
        }

        long count() {
            long n = 0;
            for (int f : filled) {
                n += f;
            }
            return n;
        }

        long[] latencies() {
            long[] all = new long[(int) count()];
            int at = 0;
            for (int t = 0; t < perThread.size(); t++) {
                System.arraycopy(perThread.get(t), 0, all, at, filled[t]);
                at += filled[t];
            }
            java.util.Arrays.sort(all);
            return all;
        }

        String outcomes() {
            Map<String, Long> sorted = new TreeMap<>();
            outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted.toString();
        }
    }

    private static Load load(BenchWorld world, List<Actor> actors, int threads, int seconds, long seed)
            throws InterruptedException {
        Load load = new Load(threads);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            long[] lat = new long[4_000_000 / threads];
            load.perThread.add(lat);
            List<Actor> mine = new ArrayList<>();
            for (int i = t; i < actors.size(); i += threads) {
                mine.add(actors.get(i));
            }
            Thread thread = new Thread(
                    () -> {
                        SplittableRandom random = new SplittableRandom(seed * 1_000 + id);
                        SyntheticPosts texts = new SyntheticPosts(seed * 1_000 + id, 0.0);
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        int n = 0;
                        while (System.nanoTime() < deadline[0] && n < lat.length) {
                            Actor actor = mine.get(n % mine.size());
                            String user = world.userIds.get(random.nextInt(world.userIds.size()));
                            int roll = random.nextInt(100);
                            String text = texts.diverse().replace("@", "");
                            long t0 = System.nanoTime();
                            String outcome;
                            try {
                                outcome = actor.act(roll, user, text);
                            } catch (Exception e) {
                                outcome = "FAILED " + e.getClass().getSimpleName();
                            }
                            lat[n++] = System.nanoTime() - t0;
                            if (outcome.equals("SENT")) {
                                load.sent.increment();
                            }
                            String kind = roll < 50 ? "post" : roll < 80 ? "dm" : "follow";
                            load.outcomes
                                    .computeIfAbsent(kind + " " + outcome, k -> new LongAdder())
                                    .increment();
                        }
                        load.filled[id] = n;
                    },
                    "bench-sender-" + t);
            running.add(thread);
            thread.start();
        }
        long began = System.nanoTime();
        deadline[0] = began + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread t : running) {
            t.join();
        }
        load.seconds = (System.nanoTime() - began) / 1e9;
        return load;
    }

    private static String describe(ActionResult r) {
        if (r instanceof ActionResult.Sent) {
            return "SENT";
        }
        if (r instanceof ActionResult.Denied d) {
            return "DENIED " + d.code();
        }
        if (r instanceof ActionResult.Deferred d) {
            return "DEFERRED " + d.code();
        }
        return "FAILED";
    }

    /** write + force of 4 KB at the same offset, as fast as one thread can, for {@code seconds}. */
    static double fsyncRate(Path dir, int seconds) throws Exception {
        Path file = dir.resolve("fsync-probe.bin");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer page = ByteBuffer.allocate(4096);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long began = System.nanoTime();
            int n = 0;
            while (System.nanoTime() < end) {
                page.clear();
                page.putLong(0, n);
                ch.write(page, 0);
                ch.force(false);
                n++;
            }
            return n / ((System.nanoTime() - began) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One durable ledger append at a time: a group commit of one record each, so one CHECKPOINT SYNC each. */
    static double checkpointRate(JdbcAuditLedger ledger, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long began = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            ledger.append(new dev.bridle.audit.LedgerRecord(
                    Instant.parse("2026-11-28T09:00:00Z"),
                    java.util.UUID.randomUUID(),
                    "bench",
                    "bench_b0",
                    "POST",
                    List.of(),
                    null,
                    dev.bridle.audit.LedgerEvent.DENIED,
                    "bench",
                    null,
                    null,
                    "a bench row",
                    null,
                    null));
            n++;
        }
        return n / ((System.nanoTime() - began) / 1e9);
    }
}
