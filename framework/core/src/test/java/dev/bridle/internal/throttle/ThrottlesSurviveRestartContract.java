package dev.bridle.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.ReasonCode;
import dev.bridle.config.Environment;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.DuplicatesConfig;
import dev.bridle.internal.config.InboundConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.config.ThrottlesConfig;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.PlatformSource;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.MutableClock;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restart keeps every throttle, on each store where the buckets live in memory: H2, and PostgreSQL with
 * {@code throttles.buckets: memory}. Each test runs Bridle as {@code bridle run} assembles it ({@link BridleRuntime}),
 * closes it, and opens it again on the same store.
 */
abstract class ThrottlesSurviveRestartContract {

    /** Posts whatever text the test says, and keeps the result. */
    public static final class Poster implements Bot {
        static final AtomicReference<String> TEXT = new AtomicReference<>();
        static final AtomicReference<ActionResult> LAST = new AtomicReference<>();

        @Override
        public void onSchedule(BotContext ctx) {
            LAST.set(ctx.actions().post(TEXT.get()));
        }
    }

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private final MutableClock clock = MutableClock.at(T0);
    private final Platform platform = mock(Platform.class);
    private final AtomicInteger sent = new AtomicInteger();
    private int texts;
    private StoreConfig store;

    /** The store, the same for every runtime of one test. */
    abstract StoreConfig newStore();

    @BeforeEach
    void setUp() throws Exception {
        store = newStore();
        when(platform.verifyCredentials(any())).thenReturn(new Account("acme_news", "1001"));
        when(platform.perform(any())).thenAnswer(call -> new PlatformReceipt("9" + sent.incrementAndGet()));
    }

    BridleRuntime runtime() {
        ThrottlesConfig throttles = new ThrottlesConfig(ThrottleSettings.defaults(), ThrottlesConfig.Buckets.MEMORY);
        BridleConfig config = new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("acme-dev", "test"),
                false,
                store,
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(new BotConfig("poster", Poster.class.getName(), "acme_news", null, Set.of())),
                throttles,
                DuplicatesConfig.defaults(),
                ConsentSettings.defaults("acme-dev"),
                OptOutSettings.defaults(),
                InboundConfig.defaults());
        return BridleRuntime.create(config, PlatformSource.of(platform), clock, RuntimeOptions.defaults());
    }

    ActionResult post(BridleRuntime runtime) {
        Poster.TEXT.set("release note number " + (++texts) + " of the day");
        runtime.bots().runScheduled("poster");
        return Poster.LAST.get();
    }

    /** Posts 30 seconds apart (the default spacing) until the account's "10 per hour" defers one; returns that one. */
    ActionResult postUntilDeferred(BridleRuntime runtime) {
        for (int i = 0; i < 20; i++) {
            ActionResult r = post(runtime);
            if (!r.sent()) {
                return r;
            }
            clock.advance(Duration.ofSeconds(30));
        }
        throw new AssertionError("20 posts in 10 minutes were all sent under 10 per hour");
    }

    /** What broke: the token buckets lived only in memory, so a restarted Bridle started with every bucket full. */
    @Test
    void aRestartDoesNotResetTheThrottles() {
        ActionResult before;
        try (BridleRuntime runtime = runtime()) {
            before = postUntilDeferred(runtime);
        }
        assertThat(sent.get()).isEqualTo(10);
        assertThat(before)
                .isInstanceOfSatisfying(
                        ActionResult.Deferred.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.THROTTLED_ACCOUNT));

        try (BridleRuntime restarted = runtime()) {
            ActionResult after = post(restarted);

            assertThat(after).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
                assertThat(d.code()).isEqualTo(ReasonCode.THROTTLED_ACCOUNT);
                assertThat(d.until()).isEqualTo(((ActionResult.Deferred) before).until());
            });
        }
        assertThat(sent.get()).isEqualTo(10);
    }

    /** A take is durable before its action can be sent: a crash between the two cannot lose it. */
    @Test
    void everyTokenAnActionTookIsInTheStoreBeforeItIsSent() throws Exception {
        List<Long> rowsAtSend = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Database peek = Database.open(store);
                BridleRuntime runtime = runtime()) {
            when(platform.perform(any())).thenAnswer(call -> {
                ActionRequest request = call.getArgument(0);
                try (Connection c = peek.dataSource().getConnection()) {
                    rowsAtSend.add(Sql.first(
                                    c,
                                    "SELECT COUNT(*) FROM throttle_take WHERE request_id = ?",
                                    ps -> ps.setObject(1, request.requestId()),
                                    rs -> rs.getLong(1))
                            .orElseThrow());
                }
                return new PlatformReceipt("9" + sent.incrementAndGet());
            });

            assertThat(post(runtime).sent()).isTrue();
        }
        assertThat(rowsAtSend).as("the account's post bucket and its spacing").containsExactly(2L);
    }

    /** The crash loop: restarted every few posts, Bridle never sends more than "10 per hour" lets through. */
    @Test
    void aCrashLoopNeverSendsMoreThanTheLimit() {
        Instant start = clock.instant();
        for (int run = 0; run < 6; run++) {
            try (BridleRuntime runtime = runtime()) {
                for (int i = 0; i < 4; i++) {
                    post(runtime);
                    clock.advance(Duration.ofSeconds(30));
                }
            }
        }
        Duration elapsed = Duration.between(start, clock.instant());

        // 10 at once, then one every 6 minutes: over 12 minutes, 12.
        assertThat(elapsed).isEqualTo(Duration.ofMinutes(12));
        assertThat(sent.get()).isEqualTo((int) Limit.of(10, Duration.ofHours(1)).mostWithin(elapsed.minusSeconds(30)));
    }
}
