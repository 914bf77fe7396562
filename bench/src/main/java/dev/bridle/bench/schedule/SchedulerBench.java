package dev.bridle.bench.schedule;

import static dev.bridle.bench.Stats.f;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.bridle.bench.Args;
import dev.bridle.bench.Machine;
import dev.bridle.bench.NoOpBot;
import dev.bridle.bench.Stats;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.schedule.BotInvoker;
import dev.bridle.internal.schedule.BotScheduler;
import dev.bridle.internal.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Point 5 of issue 7: many bots on per-minute cron triggers in Quartz on the embedded H2 JDBC job store, through
 * {@link BotScheduler} as Bridle runs it, with an invoker that does nothing but note when each bot fired. Fire delay =
 * fire time − the trigger's scheduled second; p50 and p99 over every fire of the measured minutes; and the process's
 * CPU time while idle between fires ({@code OperatingSystemMXBean}). Two layouts: every bot at second 0 of the minute
 * (the worst case, all due at once), and bots spread over the 60 seconds. Prints Markdown.
 *
 * <p>Options: {@code --quick}, {@code --bots 10000}, {@code --minutes 3}, {@code --threads 4} (the scheduler's threads,
 * Bridle's default), {@code --layout aligned|spread|both}.
 */
public final class SchedulerBench {

    private SchedulerBench() {}

    /** Notes each fire: the bot and the wall-clock time it ran. */
    static final class Recorder implements BotInvoker {
        final ConcurrentLinkedQueue<long[]> fires = new ConcurrentLinkedQueue<>();
        final Map<String, Integer> secondOf = new ConcurrentHashMap<>();
        final AtomicLong lastFire = new AtomicLong();

        @Override
        public void runScheduled(String botName) {
            long now = System.currentTimeMillis();
            lastFire.set(now);
            fires.add(new long[] {now, secondOf.get(botName)});
        }
    }

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int bots = a.size("--bots", 10_000, 10_000);
        int minutes = a.size("--minutes", 3, 1);
        int threads = a.getInt("--threads", 4);
        String layout = a.get("--layout", a.quick() ? "aligned" : "both");
        System.out.println("## Point 5: scheduler, many bots on per-minute triggers");
        System.out.println();
        System.out.println(f(
                "%,d bots, each on a cron trigger once a minute, Quartz %s with the JDBC job store (`JobStoreTX`) on an "
                        + "H2 file, through `BotScheduler` with %d threads (Bridle's default is 4); the bot does "
                        + "nothing but note the time. "
                        + "%d measured minutes per layout after the first full minute. %s.",
                bots,
                org.quartz.core.QuartzScheduler.getVersionMajor() + "."
                        + org.quartz.core.QuartzScheduler.getVersionMinor() + "."
                        + org.quartz.core.QuartzScheduler.getVersionIteration(),
                threads,
                minutes,
                Machine.describe()));
        System.out.println();
        System.out.println(
                "| layout | fires in the measured minutes (due) | fire delay p50 | p99 | max | CPU while idle between fires |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        if (!layout.equals("spread")) {
            run(bots, minutes, threads, false);
        }
        if (!layout.equals("aligned")) {
            run(bots, minutes, threads, true);
        }
        System.out.println();
        IDLE_NOTES.forEach(n -> System.out.println(n
                + " (Java threads only, by pool name; the rest of the process CPU is the JIT "
                + "compiler and the garbage collector.)"));
        System.out.println();
    }

    private static void run(int bots, int minutes, int threads, boolean spread) throws Exception {
        Path dir = Files.createTempDirectory("bridle-schedule");
        Path file = dir.resolve("bridle.yaml");
        StringBuilder y = new StringBuilder(
                "environment: dev\napp:\n  name: bench-bots-dev\n  purpose: \"measure the scheduler\"\n");
        y.append("store:\n  url: \"jdbc:h2:file:")
                .append(dir.resolve("store").resolve("bridle").toAbsolutePath())
                .append("\"\n");
        y.append("scheduler:\n  threads: ").append(threads).append('\n');
        y.append("accounts:\n  - handle: bench_a\nbots:\n");
        Recorder recorder = new Recorder();
        for (int i = 0; i < bots; i++) {
            int second = spread ? i % 60 : 0;
            recorder.secondOf.put("bot" + i, second);
            y.append("  - name: bot")
                    .append(i)
                    .append("\n    class: ")
                    .append(NoOpBot.class.getName())
                    .append("\n    account: bench_a\n    schedule:\n      cron: \"")
                    .append(second)
                    .append(" * * * * ?\"\n");
        }
        Files.writeString(file, y.toString(), StandardCharsets.UTF_8);
        BridleConfig config = ConfigLoader.load(file, Map.of(), SchedulerBench.class.getClassLoader());
        try (Database db = Database.open(config.store())) {
            db.migrate();
            Injector injector =
                    Guice.createInjector(b -> b.bind(BotInvoker.class).toInstance(recorder));
            long syncStart = System.nanoTime();
            try (BotScheduler scheduler = BotScheduler.builder()
                    .database(db)
                    .config(config.scheduler())
                    .injector(injector)
                    .instanceName(spread ? "bench-spread" : "bench-aligned")
                    .build()) {
                scheduler.sync(config.bots());
                double syncSeconds = (System.nanoTime() - syncStart) / 1e9;
                scheduler.start();
                long now = System.currentTimeMillis();
                long firstMinute = (now / 60_000 + 2) * 60_000; // the first full minute after start-up has settled
                long end = firstMinute + minutes * 60_000L;
                List<double[]> idle = new ArrayList<>();
                Map<String, Long> idleByThread = new java.util.TreeMap<>();
                sleepUntil(firstMinute);
                recorder.fires.clear();
                for (long m = firstMinute; m < end; m += 60_000) {
                    if (!spread) {
                        // idle: from 2 s after the last fire of this minute until 5 s before the next. The
                        // burst must have begun first: at the minute's start the last fire is the previous
                        // minute's, and measuring from there would count this minute's burst as idle.
                        while ((recorder.lastFire.get() < m
                                        || System.currentTimeMillis() - recorder.lastFire.get() < 2_000)
                                && System.currentTimeMillis() < m + 55_000) {
                            Thread.sleep(100);
                        }
                        long w0 = System.nanoTime();
                        long c0 = Machine.processCpuNanos();
                        Map<String, Long> threads0 = threadCpu();
                        sleepUntil(m + 55_000);
                        long c1 = Machine.processCpuNanos();
                        long w1 = System.nanoTime();
                        threadCpu()
                                .forEach((name, cpu) ->
                                        idleByThread.merge(name, cpu - threads0.getOrDefault(name, 0L), Long::sum));
                        if (w1 - w0 > 5_000_000_000L) {
                            idle.add(new double[] {c1 - c0, w1 - w0});
                        }
                    }
                    sleepUntil(m + 60_000);
                }
                sleepUntil(end + 30_000); // stragglers of the last minute
                scheduler.shutdown(true);
                List<Long> delays = new ArrayList<>();
                for (long[] fire : recorder.fires) {
                    long at = fire[0];
                    long scheduled = (at / 60_000) * 60_000 + fire[1] * 1_000;
                    if (scheduled > at) {
                        scheduled -= 60_000;
                    }
                    if (scheduled < firstMinute || scheduled >= end) {
                        continue;
                    }
                    delays.add(at - scheduled);
                }
                long[] d = delays.stream().mapToLong(Long::longValue).sorted().toArray();
                double cpu = idle.stream().mapToDouble(x -> x[0]).sum();
                double wall = idle.stream().mapToDouble(x -> x[1]).sum();
                String idleCpu = spread
                        ? "no idle gap (fires all minute)"
                        : idle.isEmpty()
                                ? "no idle gap"
                                : f(
                                        "%.1f %% of one core (%.0f ms CPU in %.0f s)",
                                        100 * cpu / wall, cpu / 1e6, wall / 1e9);
                System.out.println(f(
                        "| %s | %,d (%,d) | %s | %s | %s | %s |",
                        spread ? "spread over the minute" : "all at second 0",
                        d.length,
                        (long) bots * minutes,
                        ms(Stats.pct(d, 50)),
                        ms(Stats.pct(d, 99)),
                        ms(d.length == 0 ? 0 : d[d.length - 1]),
                        idleCpu));
                System.err.println(f(
                        "scheduler bench (%s): sync of %,d bots took %.1f s",
                        spread ? "spread" : "aligned", bots, syncSeconds));
                if (!idleByThread.isEmpty()) {
                    StringBuilder top = new StringBuilder();
                    idleByThread.entrySet().stream()
                            .sorted((p, q) -> Long.compare(q.getValue(), p.getValue()))
                            .limit(4)
                            .forEach(e -> top.append(top.length() == 0 ? "" : ", ")
                                    .append(f("%s %,d ms", e.getKey(), e.getValue() / 1_000_000)));
                    IDLE_NOTES.add(f("CPU while idle (all at second 0), by thread: %s.", top));
                }
            }
        }
    }

    /** Where the idle CPU went, printed under the table. */
    private static final List<String> IDLE_NOTES = new ArrayList<>();

    /** CPU time of every live thread, by name (threads of one name summed; pool numbers dropped). */
    private static Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            if (info != null && t >= 0) {
                cpu.merge(info.getThreadName().replaceAll("[-_#]?\\d+$", ""), t, Long::sum);
            }
        }
        return cpu;
    }

    private static String ms(long millis) {
        return millis >= 10_000 ? f("%.1f s", millis / 1e3) : f("%,d ms", millis);
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait;
        while ((wait = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(Math.min(wait, 500));
        }
    }
}
