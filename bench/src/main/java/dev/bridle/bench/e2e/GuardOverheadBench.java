package dev.bridle.bench.e2e;

import static dev.bridle.bench.Stats.f;
import static dev.bridle.bench.Stats.ms;
import static dev.bridle.bench.Stats.pct;
import static dev.bridle.bench.Stats.sorted;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bench.Args;
import dev.bridle.bench.Machine;
import dev.bridle.bench.Stats;
import dev.bridle.bench.SyntheticPosts;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.consent.ConsentGuard;
import dev.bridle.internal.guard.ContentValidityGuard;
import dev.bridle.internal.guard.EnvironmentGuard;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.guard.ReservingGuard;
import dev.bridle.internal.health.AccountPauseGuard;
import dev.bridle.internal.optout.OptOutFinalCheck;
import dev.bridle.internal.optout.OptOutGuard;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Point 2 of issue 7: what the guardrails cost one call. The same post, reply, direct message and follow, through
 * Bridle (every guard on, H2 file store, durable ledger) and through bare twitter4j, against one in-process sandbox,
 * alternated call by call (which goes first alternates too). Run twice: with no added latency, and with the sandbox's
 * latency fault adding {@code --latency-ms} to every request, as a network would. Prints Markdown.
 *
 * <p>Bridle's time is split without touching Bridle: the platform adapter is wrapped to note when its call begins and
 * ends, which gives "before the send" (guard chain, durable decision, final opt-out check), "the send" and "after the
 * send" (reservations settled, outcome recorded). Then the parts of "before" are timed alone on the same runtime: the
 * chain, the durable append, the final check.
 *
 * <p>Options: {@code --quick}, {@code --iterations N}, {@code --warmup N}, {@code --latency-ms 50},
 * {@code --latency-iterations N}, {@code --api v2|v1.1}.
 */
public final class GuardOverheadBench {

    /** Time moved on before each Bridle action: see {@link BenchClock}; 8 minutes keep every default throttle open. */
    static final Duration STEP = Duration.ofMinutes(8);

    static final int USERS = 500;
    static final String[] KINDS = {"post", "reply", "direct message", "follow"};

    private GuardOverheadBench() {}

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int iterations = a.size("--iterations", 2_000, 300);
        int warmup = a.size("--warmup", 300, 100);
        int latencyMs = a.getInt("--latency-ms", 50);
        int latencyIterations = a.size("--latency-iterations", 300, 40);
        ApiVersion api = a.get("--api", "v2").equals("v1.1") ? ApiVersion.V1_1 : ApiVersion.V2;

        System.out.println("## Point 2: guard overhead, end to end");
        System.out.println();
        System.out.println(f("API %s; %s.", api == ApiVersion.V2 ? "v2" : "v1.1", Machine.describe()));
        System.out.println();
        Run zero = run(api, 0, iterations, warmup);
        zero.print("no added latency (loopback)", iterations, warmup);
        if (latencyMs > 0) {
            Run slow = run(api, latencyMs, latencyIterations, Math.min(warmup, 20));
            slow.print(
                    latencyMs + " ms added to every request by the sandbox's latency fault",
                    latencyIterations,
                    Math.min(warmup, 20));
        }
        System.out.println(f("(load average at the end: %.1f)", Machine.loadAverage()));
        System.out.println();
    }

    /** The figures of one run. */
    private static final class Run {
        final long[][] bare = new long[4][];
        final long[][] bridle = new long[4][];
        long[] before;
        long[] send;
        long[] after;
        long[] chain;
        long[] chainInline;
        long[] chainDm;
        long[] ledger;
        long[] finalCheck;
        List<String> guardNames = new ArrayList<>();
        long[][] perGuard;

        void print(String title, int iterations, int warmup) {
            System.out.println(f(
                    "### %s: %,d calls of each kind on each path, after %,d warm-up rounds",
                    title, iterations, warmup));
            System.out.println();
            System.out.println(
                    "| action | bare twitter4j p50 / p99 | Bridle p50 / p99 | Bridle ÷ bare, p50 | Bridle ÷ bare, mean |");
            System.out.println("|---|---|---|---:|---:|");
            long[] allBare = concat(bare);
            long[] allBridle = concat(bridle);
            for (int k = 0; k < 4; k++) {
                row(KINDS[k], bare[k], bridle[k]);
            }
            row("**all four**", allBare, allBridle);
            System.out.println();
            System.out.println("Where a Bridle call's time goes (all four kinds):");
            System.out.println();
            System.out.println("| stage | mean | p50 | p99 |");
            System.out.println("|---|---:|---:|---:|");
            stage("before the send: guard chain, durable ALLOWED row, final opt-out check", before);
            stage("the send: adapter (twitter4j) and sandbox", send);
            stage("after the send: reservations settled, SENT row", after);
            stage("whole call", allBridle);
            stage("bare twitter4j call, for comparison", allBare);
            System.out.println();
            System.out.println("The parts of \"before the send\", timed alone on the same runtime (post requests):");
            System.out.println();
            System.out.println("| part | mean | p50 | p99 |");
            System.out.println("|---|---:|---:|---:|");
            stage("guard chain through `GuardChain` (evaluate, then release)", chain);
            stage("the same guards called in order on the caller's thread", chainInline);
            stage(
                    "guard chain through `GuardChain`, a direct message to a user with consent (their consent and "
                            + "opt-out read from the database)",
                    chainDm);
            stage("one durable ledger append (group commit, `CHECKPOINT SYNC`)", ledger);
            stage("final opt-out check of a direct message (database read)", finalCheck);
            System.out.println();
            System.out.println("Each guard of the chain, called in order on the caller's thread (post requests):");
            System.out.println();
            System.out.println("| guard | mean | p50 | p99 |");
            System.out.println("|---|---:|---:|---:|");
            for (int g = 0; g < guardNames.size(); g++) {
                stage("`" + guardNames.get(g) + "`", perGuard[g]);
            }
            System.out.println();
        }

        private static void row(String what, long[] bare, long[] bridle) {
            long[] b = sorted(bare);
            long[] g = sorted(bridle);
            System.out.println(f(
                    "| %s | %s | %s | %.2f× | %.2f× |",
                    what,
                    Stats.p50p99ms(b),
                    Stats.p50p99ms(g),
                    (double) pct(g, 50) / pct(b, 50),
                    Stats.mean(g) / Stats.mean(b)));
        }

        private static void stage(String what, long[] samples) {
            long[] s = sorted(samples);
            System.out.println(f("| %s | %s | %s | %s |", what, ms(Stats.mean(s)), ms(pct(s, 50)), ms(pct(s, 99))));
        }
    }

    private static Run run(ApiVersion api, int latencyMs, int iterations, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("bridle-overhead");
        FaultPlan faults = latencyMs == 0
                ? FaultPlan.none()
                : FaultPlan.builder()
                        .fraction("* /2/*", 1.0, Fault.latency(Duration.ofMillis(latencyMs)))
                        .fraction("* /1.1/*", 1.0, Fault.latency(Duration.ofMillis(latencyMs)))
                        .build();
        BenchClock clock = new BenchClock(Instant.parse("2026-11-28T09:00:00Z"), 1.0);
        int rounds = warmup + iterations;
        try (BenchWorld world = BenchWorld.open(dir, 1, 1, USERS, faults, clock, api)) {
            String bridleHandle = world.bridleHandles.get(0);
            String bareHandle = world.bareHandles.get(0);
            GuardedActions actions = world.context(bridleHandle).actions();
            BareClient bare = new BareClient(world.sandbox, bareHandle, api);
            // posts to reply to: one per round for each path, from the users in turn
            List<SandboxPost> bridleMentions = new ArrayList<>();
            List<SandboxPost> bareMentions = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                String from = "user" + ((2 * i) % USERS);
                bridleMentions.add(
                        world.sandbox.injectMention(from, bridleHandle, "@" + bridleHandle + " question " + i));
                bareMentions.add(world.sandbox.injectMention(from, bareHandle, "@" + bareHandle + " question " + i));
            }
            SyntheticPosts texts = new SyntheticPosts(11, 0.0);
            Run r = new Run();
            for (int k = 0; k < 4; k++) {
                r.bare[k] = new long[iterations];
                r.bridle[k] = new long[iterations];
            }
            r.before = new long[4 * iterations];
            r.send = new long[4 * iterations];
            r.after = new long[4 * iterations];
            for (int i = 0; i < rounds; i++) {
                boolean measured = i >= warmup;
                int m = i - warmup;
                String dmTo = world.userIds.get((2 * i + 1) % USERS);
                String followee = world.userIds.get(i % USERS);
                SandboxPost bm = bridleMentions.get(i);
                SandboxPost tm = bareMentions.get(i);
                for (int k = 0; k < 4; k++) {
                    String text = k == 3 ? null : texts.diverse().replace("@", "");
                    boolean bridleFirst = (i + k) % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == bridleFirst) {
                            clock.advance(STEP);
                            long t0 = System.nanoTime();
                            ActionResult result = switch (k) {
                                case 0 -> actions.post(text);
                                case 1 -> actions.reply(new PostRef(bm.id(), UserRef.ofId(bm.authorId())), text);
                                case 2 -> actions.directMessage(UserRef.ofId(dmTo), text);
                                default -> actions.follow(UserRef.ofId(followee));
                            };
                            long t1 = System.nanoTime();
                            if (!(result instanceof ActionResult.Sent)) {
                                throw new IllegalStateException(
                                        "Bridle did not send a " + KINDS[k] + " in round " + i + ": " + result);
                            }
                            if (measured) {
                                long[] p = TimedPlatform.LAST.get();
                                r.bridle[k][m] = t1 - t0;
                                r.before[4 * m + k] = p[0] - t0;
                                r.send[4 * m + k] = p[1] - p[0];
                                r.after[4 * m + k] = t1 - p[1];
                            }
                        } else {
                            long t0 = System.nanoTime();
                            switch (k) {
                                case 0 -> bare.post(text);
                                case 1 -> bare.reply(tm.id(), text);
                                case 2 -> bare.directMessage(dmTo, text);
                                default -> bare.follow(followee);
                            }
                            if (measured) {
                                r.bare[k][m] = System.nanoTime() - t0;
                            }
                        }
                    }
                }
            }
            parts(world, clock, texts, r, Math.min(iterations, 1_000));
            return r;
        }
    }

    /** The parts of "before the send", each alone, on the runtime's own stores. */
    private static void parts(BenchWorld world, BenchClock clock, SyntheticPosts texts, Run r, int n) throws Exception {
        BridleRuntime rt = world.runtime;
        Account account = rt.accounts().get(world.bridleHandles.get(0));
        List<Guard> guards = new ArrayList<>();
        guards.add(new EnvironmentGuard("bench-bots-dev", Environment.DEV));
        guards.add(new AccountPauseGuard(rt.accountHealth()));
        guards.add(new OptOutGuard(rt.optOuts()));
        guards.add(new ConsentGuard(rt.consents(), clock));
        guards.add(new ContentValidityGuard());
        guards.add(rt.duplicates());
        guards.addAll(rt.throttles().guards());
        OptOutFinalCheck finalCheck = new OptOutFinalCheck(rt.optOuts());
        r.chain = new long[n];
        r.chainInline = new long[n];
        r.chainDm = new long[n];
        r.ledger = new long[n];
        r.finalCheck = new long[n];
        guards.forEach(g -> r.guardNames.add(g.name()));
        r.perGuard = new long[guards.size()][n];
        long[] scratch = new long[guards.size()];
        String dmUser = world.userIds.get(0);
        try (GuardChain chain = new GuardChain(guards)) {
            for (int i = -200; i < n; i++) {
                clock.advance(STEP);
                ActionRequest request = new ActionRequest(
                        UUID.randomUUID(),
                        "bench",
                        account,
                        ActionKind.POST,
                        texts.diverse().replace("@", ""),
                        List.of(),
                        null,
                        null,
                        clock.instant());
                long t0 = System.nanoTime();
                boolean allowed = chain.evaluate(request).allows();
                chain.release(request);
                long t1 = System.nanoTime();
                if (!allowed) {
                    throw new IllegalStateException("the chain refused a fresh post");
                }
                ActionRequest again = new ActionRequest(
                        UUID.randomUUID(),
                        "bench",
                        account,
                        ActionKind.POST,
                        texts.diverse().replace("@", ""),
                        List.of(),
                        null,
                        null,
                        clock.instant());
                long t2 = System.nanoTime();
                inline(guards, again, scratch);
                if (i >= 0) {
                    for (int g = 0; g < scratch.length; g++) {
                        r.perGuard[g][i] = scratch[g];
                    }
                }
                long t3 = System.nanoTime();
                rt.ledger()
                        .append(new LedgerRecord(
                                clock.instant(),
                                UUID.randomUUID(),
                                "bench",
                                account.handle(),
                                "POST",
                                List.of(),
                                null,
                                LedgerEvent.DENIED,
                                "bench",
                                null,
                                null,
                                "a bench row",
                                null,
                                null));
                long t4 = System.nanoTime();
                finalCheck.check(new ActionRequest(
                        UUID.randomUUID(),
                        "bench",
                        account,
                        ActionKind.DIRECT_MESSAGE,
                        "hello",
                        List.of(new Target(UserRef.ofId(dmUser), TargetRole.RECIPIENT)),
                        null,
                        null,
                        clock.instant()));
                long t5 = System.nanoTime();
                ActionRequest dm = new ActionRequest(
                        UUID.randomUUID(),
                        "bench",
                        account,
                        ActionKind.DIRECT_MESSAGE,
                        texts.diverse().replace("@", ""),
                        List.of(new Target(UserRef.ofId(world.userIds.get((i + 200) % USERS)), TargetRole.RECIPIENT)),
                        null,
                        null,
                        clock.instant());
                long t6 = System.nanoTime();
                boolean dmAllowed = chain.evaluate(dm).allows();
                chain.release(dm);
                long t7 = System.nanoTime();
                if (!dmAllowed) {
                    throw new IllegalStateException("the chain refused a direct message to a user with consent");
                }
                if (i >= 0) {
                    r.chainDm[i] = t7 - t6;
                    r.chain[i] = t1 - t0;
                    r.chainInline[i] = t3 - t2;
                    r.ledger[i] = t4 - t3;
                    r.finalCheck[i] = t5 - t4;
                }
            }
        }
    }

    /** What the chain does, on this thread, then the release. */
    private static void inline(List<Guard> guards, ActionRequest request, long[] took) throws Exception {
        for (int i = 0; i < guards.size(); i++) {
            Guard g = guards.get(i);
            long t0 = System.nanoTime();
            boolean allows = g.check(request).allows();
            took[i] = System.nanoTime() - t0;
            if (!allows) {
                throw new IllegalStateException("guard " + g.name() + " refused a fresh post");
            }
        }
        for (Guard g : guards) {
            if (g instanceof ReservingGuard reserving) {
                reserving.release(request);
            }
        }
    }

    private static long[] concat(long[][] parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
