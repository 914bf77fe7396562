package dev.bridle.bench.optout;

import dev.bridle.bench.Args;
import dev.bridle.bench.Machine;
import dev.bridle.bench.SyntheticPosts;
import dev.bridle.bench.e2e.BenchClock;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.ContactSettings;
import dev.bridle.internal.runtime.PlatformSource;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.secret.Secret;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How long from an inbound STOP reaching Bridle to the first send to that user being denied.
 *
 * <p>Per run: a new user with consent to direct messages; a sender thread messages them in a loop through the bot API
 * (guards, ledger, final check, platform), as a busy bot would; then a STOP arrives, and the run's figure is the time
 * from its arrival to the moment the sender's first DENIED (OPTED_OUT) result comes back. Arrival is, for polling, the
 * moment the platform's mentions read returns the STOP to the poller; for the webhook, the moment the signed POST is
 * handed to the HTTP client (so the figure includes the loopback HTTP request). Also printed: the time until Bridle
 * acknowledged the STOP (the poll round returned; the webhook answered 200), which includes recording it durably and
 * sending the one confirmation.
 *
 * <p>The store is an H2 file with every opt-out forced to disk ({@code CHECKPOINT SYNC}) and the ledger group-committed
 * and forced to disk, as in production. The platform is an in-process fake that answers at once, so the figures are
 * Bridle's own.
 *
 * <p>{@code bench/run.sh dev.bridle.bench.optout.OptOutLatencyBench [--quick] [--runs 500] [--warmup 50]}; part of
 * {@code bench/run.sh all}. Prints Markdown.
 */
public final class OptOutLatencyBench {

    static final String SECRET = "bench-consumer-secret";
    static final Account NEWS = new Account("acme_news", "1001");

    /** Keeps its context so the sender thread can act as it. */
    public static final class Sender implements Bot {
        static volatile BotContext context;

        @Override
        public void onSchedule(BotContext ctx) {
            context = ctx;
        }
    }

    /** An in-process platform: sends succeed at once; mentions are what the bench puts there. */
    static final class FakePlatform implements Platform {
        final AtomicReference<Mention> pending = new AtomicReference<>();
        final AtomicLong arrivedAt = new AtomicLong();
        final AtomicLong ids = new AtomicLong(1_000_000);

        @Override
        public PlatformReceipt perform(ActionRequest request) {
            return new PlatformReceipt(Long.toString(ids.incrementAndGet()));
        }

        @Override
        public List<Mention> mentionsSince(Account account, String sinceId) {
            Mention m = pending.getAndSet(null);
            if (m == null) {
                return List.of();
            }
            arrivedAt.set(System.nanoTime());
            return List.of(m);
        }

        @Override
        public List<DirectMessage> directMessagesSince(Account account, String sinceId) {
            return List.of();
        }

        @Override
        public Optional<UserRef> lookupHandle(Account account, String handle) {
            return Optional.empty();
        }

        @Override
        public Account verifyCredentials(Account account) {
            return NEWS;
        }
    }

    /** One run's figures, in nanoseconds. */
    record Run(long toDenied, long toAck, int sentBefore) {}

    /**
     * Time moved on before each send: a sender messaging one user in a loop would otherwise be deferred by the
     * throttles (30 s between an account's actions, 3 contacts a day per user) long before the STOP; nine hours keep
     * every default limit open (see {@code BenchClock}).
     */
    static final Duration BETWEEN_SENDS = Duration.ofHours(9);

    private final FakePlatform platform = new FakePlatform();
    private final BenchClock clock = new BenchClock(Instant.parse("2026-11-28T09:00:00Z"), 1.0);
    /** Distinct texts: the duplicate guard refuses an account's repeated message. */
    private final Texts texts = new Texts();

    /** Thread-safe distinct message texts. */
    static final class Texts {
        private final SyntheticPosts posts = new SyntheticPosts(41, 0.0);

        synchronized String next() {
            return posts.diverse().replace("@", "");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong nextUser = new AtomicLong(3_000_000);
    private final AtomicInteger byWithdrawal = new AtomicInteger();
    private final AtomicLong nextMessage = new AtomicLong(1_800_000_000_000_000_000L);
    private BridleRuntime runtime;

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        int runs = a.size("--runs", 500, 100);
        int warmup = a.size("--warmup", 50, 20);
        Path dir = Files.createTempDirectory("bridle-optout-bench");
        new OptOutLatencyBench().run(dir, runs, warmup);
    }

    void run(Path dir, int runs, int warmup) throws Exception {
        Path file = dir.resolve("bridle.yaml");
        Files.writeString(
                file,
                "environment: dev\napp:\n  name: bench-bots-dev\n  purpose: \"latency bench\"\n"
                        + "store:\n  url: \"jdbc:h2:file:"
                        + dir.resolve("bridle").toAbsolutePath() + "\"\n"
                        + "scheduler:\n  threads: 1\naccounts:\n  - handle: acme_news\n"
                        + "bots:\n  - name: sender\n    class: " + Sender.class.getName()
                        + "\n    account: acme_news\n    inbound: [mentions]\n");
        BridleConfig config = ConfigLoader.load(file, Map.of(), OptOutLatencyBench.class.getClassLoader());
        ContactSettings defaults = ContactSettings.defaults("bench-bots-dev");
        ContactSettings contact = new ContactSettings(
                defaults.consent(),
                defaults.optOut(),
                defaults.webhook().enabledOn(0).withConsumerSecret(Secret.of(SECRET)));
        runtime = BridleRuntime.create(
                config,
                PlatformSource.of(platform),
                clock,
                RuntimeOptions.defaults()
                        .classLoader(OptOutLatencyBench.class.getClassLoader())
                        .contact(contact));
        try {
            runtime.start();
            runtime.poller().close(); // the bench polls by hand
            runtime.bots().runScheduled("sender");
            URI webhook = runtime.webhook().orElseThrow().url();
            System.out.println("## Point 6: opt-out to block (issue 4's figure)");
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "H2 file store, every opt-out and ledger batch forced to disk; in-process platform that answers "
                            + "at once; %d runs per path after %d warm-up runs of each, paths alternated; %s.%n%n",
                    runs,
                    warmup,
                    Machine.describe());
            for (int i = 0; i < warmup; i++) {
                once(false, webhook);
                once(true, webhook);
            }
            Run[] poll = new Run[runs];
            Run[] push = new Run[runs];
            for (int i = 0; i < runs; i++) {
                poll[i] = once(false, webhook);
                push[i] = once(true, webhook);
            }
            System.out.println(
                    "| path | STOP arrived → first denied send, p50 | p99 | max | STOP arrived → acknowledged, p50 | "
                            + "p99 | sends before the STOP |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            report("polling", poll);
            report("webhook", push);
            System.out.printf(
                    Locale.ROOT,
                    "%nThe first refusal was OPTED_OUT, or in %d of %d runs NO_CONSENT (the consent the STOP "
                            + "withdrew; the opt-out guard had read the user's status a moment before the STOP was recorded). "
                            + "(load average at the end: %.1f)%n%n",
                    byWithdrawal.get(),
                    2 * (runs + warmup),
                    Machine.loadAverage());
        } finally {
            runtime.close();
        }
    }

    /** One STOP, by polling or by webhook, while a sender is messaging the user. */
    private Run once(boolean byWebhook, URI webhook) throws Exception {
        String user = Long.toString(nextUser.incrementAndGet());
        runtime.consents()
                .grant(ConsentGrant.of(user, EnumSet.of(ConsentScope.DM), Evidence.reference(Channel.API, "bench")));
        BotContext ctx = Sender.context;
        AtomicLong deniedAt = new AtomicLong();
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread sender = new Thread(
                () -> {
                    while (true) {
                        clock.advance(BETWEEN_SENDS);
                        ActionResult r = ctx.actions().directMessage(UserRef.ofId(user), texts.next());
                        if (r instanceof ActionResult.Denied d
                                && (d.code() == ReasonCode.OPTED_OUT || d.code() == ReasonCode.NO_CONSENT)) {
                            // NO_CONSENT: the early opt-out guard read the user's status just before the STOP was
                            // recorded, and the consent guard then found the consent the STOP withdrew
                            deniedAt.set(System.nanoTime());
                            if (d.code() == ReasonCode.NO_CONSENT) {
                                byWithdrawal.incrementAndGet();
                            }
                            return;
                        }
                        if (r instanceof ActionResult.Deferred) {
                            continue; // the STOP's confirmation, from the same account, just went: 30 s apart
                        }
                        if (!(r instanceof ActionResult.Sent)) {
                            failure.set("the sender's message was not sent before the STOP: " + r);
                            deniedAt.set(System.nanoTime());
                            return;
                        }
                        sent.incrementAndGet();
                    }
                },
                "bench-sender");
        sender.start();
        while (sent.get() < 2 && failure.get() == null) {
            Thread.onSpinWait();
        }
        String messageId = Long.toString(nextMessage.incrementAndGet());
        long arrived;
        long acked;
        if (byWebhook) {
            byte[] body = directMessageBody(messageId, user).getBytes(StandardCharsets.UTF_8);
            HttpRequest post = HttpRequest.newBuilder(webhook)
                    .header("x-twitter-webhooks-signature", sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            arrived = System.nanoTime();
            int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            acked = System.nanoTime();
            if (status != 200) {
                throw new IllegalStateException("the webhook answered " + status);
            }
        } else {
            platform.pending.set(new Mention(messageId, UserRef.ofId(user), "@acme_news STOP", clock.instant()));
            runtime.poller().pollMentions();
            acked = System.nanoTime();
            arrived = platform.arrivedAt.get();
        }
        sender.join();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return new Run(deniedAt.get() - arrived, acked - arrived, sent.get());
    }

    private static String directMessageBody(String id, String sender) {
        return "{\"for_user_id\":\"" + NEWS.userId()
                + "\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"" + id
                + "\",\"created_timestamp\":\"1764320400000\",\"message_create\":{\"target\":{\"recipient_id\":\""
                + NEWS.userId()
                + "\"},\"sender_id\":\"" + sender + "\",\"message_data\":{\"text\":\"STOP\"}}}]}";
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static void report(String path, Run[] runs) {
        long[] denied = Arrays.stream(runs).mapToLong(Run::toDenied).sorted().toArray();
        long[] acked = Arrays.stream(runs).mapToLong(Run::toAck).sorted().toArray();
        double sends = Arrays.stream(runs).mapToInt(Run::sentBefore).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f |%n",
                path,
                ms(pct(denied, 50)),
                ms(pct(denied, 99)),
                ms(denied[denied.length - 1]),
                ms(pct(acked, 50)),
                ms(pct(acked, 99)),
                sends);
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
