package dev.bridle.optout.bench;

import dev.bridle.action.ActionRequest;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.config.AccountConfig;
import dev.bridle.config.AppConfig;
import dev.bridle.config.BotConfig;
import dev.bridle.config.BridleConfig;
import dev.bridle.config.Environment;
import dev.bridle.config.PlatformConfig;
import dev.bridle.config.SchedulerConfig;
import dev.bridle.config.Secret;
import dev.bridle.config.StoreConfig;
import dev.bridle.consent.Channel;
import dev.bridle.consent.ConsentGrant;
import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.Evidence;
import dev.bridle.guard.ReasonCode;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.runtime.BridleRuntime;
import dev.bridle.runtime.ContactSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How long from an inbound STOP reaching Bridle to the first send to that user being denied.
 *
 * <p>Per run: a new user with consent to direct messages; a sender thread messages them in a loop
 * through the bot API (guards, ledger, final check, platform), as a busy bot would; then a STOP
 * arrives, and the run's figure is the time from its arrival to the moment the sender's first
 * DENIED (OPTED_OUT) result comes back. Arrival is, for polling, the moment the platform's
 * mentions read returns the STOP to the poller; for the webhook, the moment the signed POST is
 * handed to the HTTP client (so the figure includes the loopback HTTP request). Also printed: the
 * time until Bridle acknowledged the STOP (the poll round returned; the webhook answered 200),
 * which includes recording it durably and sending the one confirmation.
 *
 * <p>The store is an H2 file with every opt-out forced to disk ({@code CHECKPOINT SYNC}) and the
 * ledger group-committed and forced to disk, as in production. The platform is an in-process
 * fake that answers at once, so the figures are Bridle's own.
 *
 * <pre>
 * mvn -B -q -o -pl framework/core -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "framework/core/target/test-classes:framework/core/target/classes:$(cat framework/core/target/bench-classpath.txt)" \
 *     dev.bridle.optout.bench.OptOutLatencyBench [runs] [warm-up runs]
 * </pre>
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
    record Run(long toDenied, long toAck, int sentBefore) {
    }

    private final FakePlatform platform = new FakePlatform();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong nextUser = new AtomicLong(3_000_000);
    private final AtomicLong nextMessage = new AtomicLong(1_800_000_000_000_000_000L);
    private BridleRuntime runtime;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("bridle-optout-bench");
        new OptOutLatencyBench().run(dir, runs, warmup);
    }

    void run(Path dir, int runs, int warmup) throws Exception {
        StoreConfig store = new StoreConfig("jdbc:h2:file:" + dir.resolve("bridle").toAbsolutePath(), null, null);
        BridleConfig config = new BridleConfig("<bench>", Environment.DEV, new AppConfig("bench-bots-dev", "latency bench"), false,
                store, new PlatformConfig(PlatformConfig.ApiVersion.V2, null), new SchedulerConfig(1), List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(new BotConfig("sender", Sender.class.getName(), "acme_news", null, Set.of(BotConfig.Inbound.MENTIONS))));
        ContactSettings defaults = ContactSettings.defaults("bench-bots-dev");
        ContactSettings contact = new ContactSettings(defaults.consent(), defaults.optOut(),
                defaults.webhook().enabledOn(0).withConsumerSecret(Secret.of(SECRET)));
        runtime = BridleRuntime.create(config, platform, Clock.systemUTC(), List.of(), OptOutLatencyBench.class.getClassLoader(), contact);
        try {
            runtime.start();
            runtime.poller().close(); // the bench polls by hand
            runtime.bots().runScheduled("sender");
            URI webhook = runtime.webhook().orElseThrow().url();
            System.out.printf("Bridle opt-out latency: H2 file store in %s, %d runs per path after %d warm-up runs, %s, %d cores%n",
                    dir, runs, warmup, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
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
            report("polling", poll);
            report("webhook", push);
        } finally {
            runtime.close();
        }
    }

    /** One STOP, by polling or by webhook, while a sender is messaging the user. */
    private Run once(boolean byWebhook, URI webhook) throws Exception {
        String user = Long.toString(nextUser.incrementAndGet());
        runtime.consents().grant(ConsentGrant.of(user, EnumSet.of(ConsentScope.DM), Evidence.reference(Channel.API, "bench")));
        BotContext ctx = Sender.context;
        AtomicLong deniedAt = new AtomicLong();
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            while (true) {
                ActionResult r = ctx.actions().directMessage(UserRef.ofId(user), "ping " + sent.get());
                if (r instanceof ActionResult.Denied d) {
                    if (d.code() != ReasonCode.OPTED_OUT) {
                        throw new IllegalStateException("unexpected denial: " + d.reason());
                    }
                    deniedAt.set(System.nanoTime());
                    return;
                }
                sent.incrementAndGet();
            }
        }, "bench-sender");
        sender.start();
        while (sent.get() < 2) {
            Thread.onSpinWait();
        }
        String messageId = Long.toString(nextMessage.incrementAndGet());
        long arrived;
        long acked;
        if (byWebhook) {
            byte[] body = directMessageBody(messageId, user).getBytes(StandardCharsets.UTF_8);
            HttpRequest post = HttpRequest.newBuilder(webhook).header("x-twitter-webhooks-signature", sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            arrived = System.nanoTime();
            int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            acked = System.nanoTime();
            if (status != 200) {
                throw new IllegalStateException("the webhook answered " + status);
            }
        } else {
            platform.pending.set(new Mention(messageId, UserRef.ofId(user), "@acme_news STOP", Clock.systemUTC().instant()));
            runtime.poller().pollMentions();
            acked = System.nanoTime();
            arrived = platform.arrivedAt.get();
        }
        sender.join();
        return new Run(deniedAt.get() - arrived, acked - arrived, sent.get());
    }

    private static String directMessageBody(String id, String sender) {
        return "{\"for_user_id\":\"" + NEWS.userId() + "\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"" + id
                + "\",\"created_timestamp\":\"1764320400000\",\"message_create\":{\"target\":{\"recipient_id\":\"" + NEWS.userId()
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
        System.out.printf("%-8s STOP arrived -> first DENIED send: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", path,
                ms(pct(denied, 50)), ms(pct(denied, 99)), ms(denied[denied.length - 1]));
        System.out.printf("%-8s STOP arrived -> acknowledged:      p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (sends before the STOP: %.1f on average)%n",
                path, ms(pct(acked, 50)), ms(pct(acked, 99)), ms(acked[acked.length - 1]), sends);
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
