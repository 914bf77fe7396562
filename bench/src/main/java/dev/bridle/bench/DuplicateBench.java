package dev.bridle.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bridle.bench.corpus.Evasions;
import dev.bridle.internal.dedupe.Channel;
import dev.bridle.internal.dedupe.DuplicateGuard;
import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.dedupe.Fingerprint;
import dev.bridle.internal.dedupe.JdbcPostFingerprintStore;
import dev.bridle.internal.dedupe.NearDuplicateIndex;
import dev.bridle.internal.dedupe.ReserveResult;
import dev.bridle.internal.dedupe.Similarity;
import dev.bridle.internal.dedupe.StoredPost;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Speed and memory of duplicate detection against 100,000 and 1,000,000 stored posts, in one run: per-check latency
 * (p50, p99), bytes per stored post, the start-up rebuild from an H2 file database, and a brute-force scan over the
 * same posts for comparison. Prints Markdown.
 *
 * <pre>{@code
 * mvn -B -q -pl bench -am package -DskipTests
 * java -Xmx4g -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.bridle.bench.DuplicateBench
 * }</pre>
 *
 * Options: {@code --sizes 100000,1000000 --queries 5000 --brute 200 --templated 0.3 --db bench/target/dedupe-db}.
 */
public final class DuplicateBench {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final DuplicatePolicy POLICY = DuplicatePolicy.defaults();
    private static final int ACCOUNTS = 50;

    private DuplicateBench() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = {100_000, 1_000_000};
        int queries = 5000;
        int brute = 200;
        double templated = 0.3;
        Path db = Path.of("bench/target/dedupe-db");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" ->
                    sizes = Arrays.stream(args[i + 1].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--brute" -> brute = Integer.parseInt(args[i + 1]);
                case "--templated" -> templated = Double.parseDouble(args[i + 1]);
                case "--db" -> db = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("## Duplicate detection: speed and memory (%s)%n%n", LocalDate.now(ZoneOffset.UTC));
        System.out.printf(
                "JVM %s %s, %d cores, max heap %d MB; %.0f%% templated posts; %d timed checks per kind; %d brute-force scans%n%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                templated * 100,
                queries,
                brute);
        for (int n : sizes) {
            run(n, queries, brute, templated, db.resolve("n" + n));
        }
    }

    private static void run(int n, int queries, int brute, double templatedShare, Path dbDir) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        System.out.printf("### %,d stored posts%n%n", n);

        // 1. the stored posts, and every 100th text kept to make duplicate queries from; then the
        //    index built from them, and the heap it holds once they are gone (the features arrays
        //    are made with the posts, so the baseline is taken before)
        for (String warm : List.of("Ѕеvеrе ΚΑΤ storm 🔥 #wx https://bit.ly/x @ann", "ᴀʟᴇʀᴛ ＦＵＬＬ 𝐁𝐨𝐥𝐝 2.4.0")) {
            Fingerprint.of(warm); // loads ICU's data before the baseline: it is not the index's
        }
        long before = usedHeap();
        SyntheticPosts stored = new SyntheticPosts(1, templatedShare);
        List<StoredPost> posts = new ArrayList<>(n);
        List<String> sampleTexts = new ArrayList<>();
        long fpNanos = 0;
        long span = Duration.ofDays(29).toMillis();
        for (int i = 0; i < n; i++) {
            String text = stored.next();
            long t0 = System.nanoTime();
            Fingerprint fp = Fingerprint.of(text);
            fpNanos += System.nanoTime() - t0;
            Instant at = NOW.minusMillis(span - span * i / n);
            posts.add(new StoredPost(
                    UUID.randomUUID(),
                    "account" + (i % ACCOUNTS),
                    Channel.PUBLIC,
                    fp,
                    at,
                    Long.toString(1_800_000_000_000_000_000L + i)));
            if (i % 100 == 0) {
                sampleTexts.add(text);
            }
        }
        NearDuplicateIndex index = new NearDuplicateIndex(POLICY, n + 2 * queries + 10_000, clock);
        long buildStart = System.nanoTime();
        for (StoredPost p : posts) {
            index.add(p);
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        posts = null;
        long after = usedHeap();
        long heapBytes = after - before;
        long structural = index.estimatedBytes();

        // 2. the same posts in an H2 file database, for the rebuild
        deleteRecursively(dbDir);
        Files.createDirectories(dbDir);
        HikariDataSource ds = h2(dbDir.resolve("bridle"));
        long insertStart = System.nanoTime();
        List<StoredPost> copy = new ArrayList<>(n);
        index.forEach(copy::add);
        insert(ds, copy);
        copy = null;
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

        // 4. the same fingerprints in plain arrays, for the brute-force scan
        List<StoredPost> all = new ArrayList<>(n);
        index.forEach(all::add);
        Fingerprint[] fps = new Fingerprint[all.size()];
        String[] accounts = new String[all.size()];
        for (int i = 0; i < fps.length; i++) {
            fps[i] = all.get(i).fingerprint();
            accounts[i] = all.get(i).account();
        }
        all = null;

        // 5. timed checks: fresh posts (allowed), fresh templated posts, and evasions of stored posts (refused)
        SyntheticPosts fresh = new SyntheticPosts(2, templatedShare);
        Random rnd = new Random(3);
        List<BiFunction<String, Random, String>> evasions = List.of(
                Evasions::homoglyphs,
                Evasions::invisibles,
                Evasions::emoji,
                Evasions::caseAndWidth,
                Evasions::smallEdits,
                Evasions::replyPrefix,
                Evasions::whitespace,
                Evasions::reorder);
        warmUp(index, fresh, clock);
        long c0 = index.candidatesExamined();
        Timing diverse = timeChecks(index, queries, fresh::diverse, clock);
        long c1 = index.candidatesExamined();
        Timing templated = timeChecks(index, queries, fresh::templated, clock);
        long c2 = index.candidatesExamined();
        Timing duplicates = timeChecks(
                index,
                queries,
                () -> {
                    String base = sampleTexts.get(rnd.nextInt(sampleTexts.size()));
                    return evasions.get(rnd.nextInt(evasions.size())).apply(base, rnd);
                },
                clock);
        long c3 = index.candidatesExamined();

        // 6. brute force over the same fingerprints, with the index's answer for the same text
        long[] bruteNanos = new long[brute];
        int agree = 0;
        for (int q = 0; q < brute; q++) {
            String text = q % 2 == 0
                    ? fresh.next()
                    : evasions.get(rnd.nextInt(evasions.size()))
                            .apply(sampleTexts.get(rnd.nextInt(sampleTexts.size())), rnd);
            Fingerprint fp = Fingerprint.of(text);
            String account = "account" + rnd.nextInt(ACCOUNTS);
            long t0 = System.nanoTime();
            boolean bruteDenies = bruteForce(fps, accounts, fp, account);
            bruteNanos[q] = System.nanoTime() - t0;
            if (bruteDenies == index.check(fp, Channel.PUBLIC, account).isPresent()) {
                agree++;
            }
        }
        Arrays.sort(bruteNanos);
        fps = null;

        // 7. throughput of check-and-reserve on one and two threads (one global lock)
        double oneThread = throughput(index, 1, templatedShare);
        double twoThreads = throughput(index, 2, templatedShare);
        index = null;
        usedHeap();

        // 8. the start-up rebuild from the H2 file
        long rebuildStart = System.nanoTime();
        DuplicateGuard guard = DuplicateGuard.builder(new JdbcPostFingerprintStore(ds), clock)
                .maxEntries(n + 10_000)
                .build();
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        int rebuilt = guard.index().size();
        long[] guardNanos = new long[Math.min(queries, 2000)];
        for (int q = 0; q < guardNanos.length; q++) {
            dev.bridle.guard.ActionRequest request = new dev.bridle.guard.ActionRequest(
                    UUID.randomUUID(),
                    "bench",
                    new dev.bridle.bot.Account("account" + (q % ACCOUNTS), null),
                    dev.bridle.guard.ActionKind.POST,
                    fresh.next(),
                    List.of(),
                    null,
                    null,
                    NOW);
            long t0 = System.nanoTime();
            guard.check(request);
            guardNanos[q] = System.nanoTime() - t0;
            guard.release(request);
        }
        Arrays.sort(guardNanos);
        ds.close();

        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        row("fingerprint (normalise + hash), mean per post", String.format(Locale.ROOT, "%.1f µs", fpNanos / 1e3 / n));
        row("one check, diverse post (allowed): p50 / p99", diverse.summary());
        row("one check, templated post (allowed): p50 / p99", templated.summary());
        row(
                "one check, evasion of a stored post: p50 / p99",
                duplicates.summary()
                        + String.format(
                                Locale.ROOT, " (%.1f%% refused)", 100.0 * duplicates.refused / duplicates.count));
        row(
                "candidates scored per check: diverse / templated / evasion",
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f / %.1f",
                        (double) (c1 - c0) / queries,
                        (double) (c2 - c1) / queries,
                        (double) (c3 - c2) / queries));
        row(
                "brute-force scan of all posts: p50 / p99",
                String.format(
                        Locale.ROOT,
                        "%s / %s",
                        ms(bruteNanos[brute / 2]),
                        ms(bruteNanos[Math.min(brute - 1, (int) (brute * 0.99))])));
        double bruteP50 = bruteNanos[brute / 2];
        row(
                "brute-force p50 / index-alone p50: diverse / templated / evasion",
                String.format(
                        Locale.ROOT,
                        "%,.0f× / %,.0f× / %,.0f×",
                        bruteP50 / diverse.p50(),
                        bruteP50 / templated.p50(),
                        bruteP50 / duplicates.p50()));
        row("index and brute force agree", agree + " of " + brute);
        row("bytes per stored post, heap (GC, MemoryMXBean)", String.format(Locale.ROOT, "%,d", heapBytes / n));
        row(
                "bytes per stored post, counted from array sizes (with the preallocated capacity)",
                String.format(Locale.ROOT, "%,d", structural / n));
        row("index built from memory", String.format(Locale.ROOT, "%.2f s", buildSeconds));
        row(
                "start-up rebuild from the H2 file (read + index)",
                String.format(
                        Locale.ROOT,
                        "%.2f s (%,d posts, %,.0f posts/s)",
                        rebuildSeconds,
                        rebuilt,
                        rebuilt / rebuildSeconds));
        row(
                "guard check with the H2 reservation (after the rebuild): p50 / p99",
                us(guardNanos[guardNanos.length / 2]) + " / " + us(guardNanos[(int) (guardNanos.length * 0.99)]));
        row(
                "check-and-reserve throughput, 1 thread / 2 threads",
                String.format(Locale.ROOT, "%,.0f / %,.0f per s", oneThread, twoThreads));
        row(
                "(writing the posts to H2, batched, not part of the figures)",
                String.format(Locale.ROOT, "%.1f s", insertSeconds));
        System.out.println();
    }

    /**
     * Latencies of one kind of check, in nanoseconds, sorted: the index's check-and-reserve alone, and with the text's
     * fingerprint computed first (what the guard does in memory); and how many were refused.
     */
    private record Timing(long[] reserve, long[] total, int count, int refused) {

        long p50() {
            return reserve[reserve.length / 2];
        }

        String summary() {
            return us(total[total.length / 2]) + " / " + us(total[(int) (total.length * 0.99)]) + " (index alone "
                    + us(reserve[reserve.length / 2]) + " / " + us(reserve[(int) (reserve.length * 0.99)]) + ")";
        }
    }

    private static Timing timeChecks(
            NearDuplicateIndex index, int queries, java.util.function.Supplier<String> texts, Clock clock) {
        long[] reserve = new long[queries];
        long[] total = new long[queries];
        int refused = 0;
        for (int q = 0; q < queries; q++) {
            String text = texts.get();
            long t0 = System.nanoTime();
            StoredPost p = new StoredPost(
                    UUID.randomUUID(),
                    "account" + (q % ACCOUNTS),
                    Channel.PUBLIC,
                    Fingerprint.of(text),
                    clock.instant(),
                    null);
            long t1 = System.nanoTime();
            ReserveResult r = index.reserve(p);
            long t2 = System.nanoTime();
            reserve[q] = t2 - t1;
            total[q] = t2 - t0;
            if (r instanceof ReserveResult.Refused) {
                refused++;
            } else {
                index.release(p.requestId());
            }
        }
        Arrays.sort(reserve);
        Arrays.sort(total);
        return new Timing(reserve, total, queries, refused);
    }

    private static void warmUp(NearDuplicateIndex index, SyntheticPosts posts, Clock clock) {
        for (int i = 0; i < 20_000; i++) {
            StoredPost p = new StoredPost(
                    UUID.randomUUID(), "warmup", Channel.PUBLIC, Fingerprint.of(posts.next()), clock.instant(), null);
            index.reserve(p);
            index.release(p.requestId());
        }
    }

    private static boolean bruteForce(Fingerprint[] fps, String[] accounts, Fingerprint q, String account) {
        for (int i = 0; i < fps.length; i++) {
            boolean exact = fps[i].sameText(q);
            double score = exact ? 1.0 : Similarity.score(fps[i], q);
            if (POLICY.denies(exact, score >= POLICY.threshold(), accounts[i].equals(account))) {
                return true;
            }
        }
        return false;
    }

    private static double throughput(NearDuplicateIndex index, int threads, double templatedShare)
            throws InterruptedException {
        // texts fingerprinted up front: this measures the index and its lock, not the normaliser
        Fingerprint[][] work = new Fingerprint[threads][5000];
        for (int t = 0; t < threads; t++) {
            SyntheticPosts posts = new SyntheticPosts(10 + t, templatedShare);
            for (int i = 0; i < work[t].length; i++) {
                work[t][i] = Fingerprint.of(posts.next());
            }
        }
        AtomicLong ops = new AtomicLong();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Fingerprint[] mine = work[t];
            Thread thread = new Thread(() -> {
                long done = 0;
                for (int i = 0; System.nanoTime() < until; i++) {
                    StoredPost p =
                            new StoredPost(UUID.randomUUID(), "t", Channel.PUBLIC, mine[i % mine.length], NOW, null);
                    if (index.reserve(p) instanceof ReserveResult.Reserved) {
                        index.release(p.requestId());
                    }
                    done++;
                }
                ops.addAndGet(done);
            });
            running.add(thread);
            thread.start();
        }
        for (Thread t : running) {
            t.join();
        }
        return ops.get() / 3.0;
    }

    private static HikariDataSource h2(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(
                "jdbc:h2:file:" + file.toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        config.setMaximumPoolSize(4);
        HikariDataSource ds = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return ds;
    }

    /** Batch inserts straight into dedupe_post: the rebuild reads these rows; claims play no part in it. */
    private static void insert(HikariDataSource ds, List<StoredPost> posts) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dedupe_post "
                    + "(request_id, account, channel, exact_hash, fingerprint, reserved_at, state, "
                    + "platform_id) VALUES (?, ?, ?, ?, ?, ?, 'SENT', ?)")) {
                int batch = 0;
                for (StoredPost p : posts) {
                    ps.setObject(1, p.requestId());
                    ps.setString(2, p.account());
                    ps.setString(3, p.channel().name());
                    ps.setLong(4, p.fingerprint().exactHash());
                    ps.setBytes(5, p.fingerprint().toBytes());
                    ps.setObject(6, p.at().atOffset(ZoneOffset.UTC));
                    ps.setString(7, p.platformId());
                    ps.addBatch();
                    if (++batch % 5000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void row(String what, String value) {
        System.out.println("| " + what + " | " + value + " |");
    }

    private static String us(long nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
