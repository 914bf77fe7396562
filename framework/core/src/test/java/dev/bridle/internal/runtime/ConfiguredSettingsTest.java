package dev.bridle.internal.runtime;

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
import dev.bridle.config.OnThrottle;
import dev.bridle.consent.OptOutScope;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.DuplicatesConfig;
import dev.bridle.internal.config.InboundConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.config.ThrottlesConfig;
import dev.bridle.internal.config.ThrottlesConfig.Buckets;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.inbound.WebhookSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime uses the configured throttles, duplicate policy, consent and opt-out settings, not the defaults. */
class ConfiguredSettingsTest {

    /** Sends whatever the test puts in {@link #NEXT}. */
    public static final class Sender implements Bot {
        static final AtomicReference<Function<BotContext, ActionResult>> NEXT = new AtomicReference<>();
        static final AtomicReference<ActionResult> LAST = new AtomicReference<>();

        @Override
        public void onSchedule(BotContext ctx) {
            LAST.set(NEXT.get().apply(ctx));
        }
    }

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Requests.T0);
    private final Platform platform = mock(Platform.class);

    @BeforeEach
    void setUp() throws Exception {
        when(platform.verifyCredentials(any())).thenReturn(new Account("acme_news", "1001"));
        when(platform.perform(any())).thenReturn(new PlatformReceipt("9001"));
    }

    private static BridleConfig config(StoreConfig store, ThrottlesConfig throttles) {
        BridleConfig plain = new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("acme-dev", "test"),
                false,
                store,
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(new BotConfig("sender", Sender.class.getName(), "acme_news", null, Set.of())));
        return new BridleConfig(
                plain.source(),
                plain.environment(),
                plain.app(),
                false,
                store,
                plain.platform(),
                plain.scheduler(),
                plain.modules(),
                plain.accounts(),
                plain.bots(),
                throttles,
                new DuplicatesConfig(
                        DuplicatePolicy.defaults().withThreshold(0.6).denyNearDuplicatesWithinAccount(true), 5_000),
                ConsentSettings.defaults("Acme Ltd").withExpiry(Duration.ofDays(30)),
                OptOutSettings.defaults().withAccountScope("acme_news", OptOutScope.ACCOUNT),
                new InboundConfig(Duration.ofSeconds(20), Duration.ofMinutes(2), WebhookSettings.defaults()));
    }

    private static ThrottlesConfig fiveSecondsApartDropping(Buckets buckets) {
        return new ThrottlesConfig(
                ThrottleSettings.defaults()
                        .withMinSpacing(Duration.ofSeconds(5))
                        .withOnThrottle("sender", OnThrottle.DROP),
                buckets);
    }

    private ActionResult send(BridleRuntime runtime, Function<BotContext, ActionResult> action) {
        Sender.NEXT.set(action);
        runtime.bots().runScheduled("sender");
        return Sender.LAST.get();
    }

    @Test
    void theConfiguredSettingsReachEveryPart() {
        BridleConfig config = config(TestStores.h2(dir), fiveSecondsApartDropping(Buckets.MEMORY));

        try (BridleRuntime runtime =
                BridleRuntime.create(config, PlatformSource.of(platform), clock, RuntimeOptions.defaults())) {
            assertThat(runtime.throttles().settings())
                    .isEqualTo(config.throttles().settings());
            assertThat(runtime.duplicates().policy())
                    .isEqualTo(config.duplicates().policy());
            assertThat(runtime.duplicates().maxEntries()).isEqualTo(5_000);
            assertThat(runtime.consents().settings()).isEqualTo(config.consent());
            assertThat(runtime.optOuts().settings()).isEqualTo(config.optOut());
        }
    }

    @Test
    void theConfiguredSpacingAndTheBotsOnThrottleDecide() {
        try (BridleRuntime runtime = BridleRuntime.create(
                config(TestStores.h2(dir), fiveSecondsApartDropping(Buckets.MEMORY)),
                PlatformSource.of(platform),
                clock,
                RuntimeOptions.defaults())) {
            assertThat(send(runtime, ctx -> ctx.actions().post("first")).sent()).isTrue();

            ActionResult second = send(runtime, ctx -> ctx.actions().post("second"));

            assertThat(second).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
                assertThat(d.code()).isEqualTo(ReasonCode.TOO_SOON);
                assertThat(d.until()).isEqualTo(Requests.T0.plusSeconds(5));
                assertThat(d.rescheduled())
                        .as("the bot drops throttled actions")
                        .isFalse();
            });
            clock.advance(Duration.ofSeconds(5));
            assertThat(send(runtime, ctx -> ctx.actions().post("third")).sent()).isTrue();
        }
    }

    @Test
    void explicitContactSettingsStillWinOverTheConfiguration() {
        BridleConfig config = config(TestStores.h2(dir), fiveSecondsApartDropping(Buckets.MEMORY));
        ContactSettings own = ContactSettings.defaults("other-dev");

        try (BridleRuntime runtime = BridleRuntime.create(
                config,
                PlatformSource.of(platform),
                clock,
                RuntimeOptions.defaults().contact(own))) {
            assertThat(runtime.consents().settings().operator()).isEqualTo("other-dev");
        }
    }

    @Test
    void bucketsAreSharedInPostgresOnlyWhenConfiguredSo() throws Exception {
        assertThat(bucketRowsAfterOnePost(Buckets.DATABASE)).isPositive();
        assertThat(bucketRowsAfterOnePost(Buckets.MEMORY)).isZero();
    }

    private long bucketRowsAfterOnePost(Buckets buckets) throws Exception {
        StoreConfig store = TestStores.postgres("configured_" + buckets.toString());
        try (BridleRuntime runtime = BridleRuntime.create(
                config(store, fiveSecondsApartDropping(buckets)),
                PlatformSource.of(platform),
                clock,
                RuntimeOptions.defaults())) {
            assertThat(send(runtime, ctx -> ctx.actions().post("hello " + buckets))
                            .sent())
                    .isTrue();
        }
        try (dev.bridle.internal.store.Database db = dev.bridle.internal.store.Database.open(store);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM throttle_bucket")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
