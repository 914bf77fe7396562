package dev.bridle.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.config.Environment;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.platform.twitter.Actions;
import dev.bridle.internal.platform.twitter.TwitterPlatform;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.Platform;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformFactoryTest {

    private static final Credentials REAL =
            new Credentials(Secret.of("ck"), Secret.of("cs"), Secret.of("at"), Secret.of("as"));

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
    private final PlatformLimits feedback = PlatformLimits.inMemory(clock);

    private BridleConfig config(boolean dryRun, String baseUrl, AccountConfig... accounts) {
        return new BridleConfig(
                "config/bridle.yaml",
                Environment.DEV,
                new AppConfig("factory-dev", "testing"),
                dryRun,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, baseUrl),
                new SchedulerConfig(1),
                List.of(),
                List.of(accounts),
                List.of());
    }

    // The runtime jar carried the sandbox to serve this case; it now says where the sandbox is instead.
    @Test
    void accountsWithoutCredentialsAreRefusedSayingWhereTheSandboxIs() {
        assertThatThrownBy(() -> PlatformFactory.connect(
                        config(false, null, new AccountConfig("acme", null), new AccountConfig("beta", null)),
                        clock,
                        feedback))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("config/bridle.yaml: no account has credentials")
                .hasMessageContaining("`bridle run` acts on a local sandbox when none has");
    }

    @Test
    void aPostReachesTheConfiguredBaseUrlAndItsRateLimitsTheFeedback() throws Exception {
        try (TestSandbox world = TestSandbox.start(
                config(false, null, new AccountConfig("acme", null), new AccountConfig("beta", null)), clock)) {
            Platform platform = PlatformFactory.connect(world.config(), clock, feedback);
            Account acme = platform.verifyCredentials(new Account("acme", null));
            String id = platform.perform(Actions.post(acme, "hello, sandbox")).platformId();

            assertThat(acme.userId()).isEqualTo(world.sandbox().userId("acme"));
            assertThat(world.sandbox().sent("acme").posts())
                    .extracting(p -> p.id())
                    .containsExactly(id);
            assertThat(feedback.lastSaid(acme, ActionKind.POST))
                    .as("its rate limit is in the plan's state")
                    .isPresent();
            assertThat(((TwitterPlatform) platform).baseUrl())
                    .isEqualTo(world.sandbox().baseUrl().toString());
        }
    }

    @Test
    void accountsWithCredentialsUseTheRealPlatformAndNeverTheSandbox() {
        TwitterPlatform platform = (TwitterPlatform) PlatformFactory.connect(
                config(false, null, new AccountConfig("acme", REAL), new AccountConfig("beta", REAL)), clock, feedback);
        assertThat(platform.baseUrl()).isEqualTo("https://api.x.com/");
        assertThat(platform.api()).isEqualTo(PlatformConfig.ApiVersion.V2);
    }

    @Test
    void aConfiguredBaseUrlIsUsed() {
        TwitterPlatform platform = (TwitterPlatform) PlatformFactory.connect(
                config(true, "https://api.twitter.com", new AccountConfig("acme", REAL)), clock, feedback);
        assertThat(platform.baseUrl()).isEqualTo("https://api.twitter.com/");
    }

    @Test
    void aMixIsRefusedNamingTheAccounts() {
        assertThatThrownBy(() -> PlatformFactory.connect(
                        config(false, null, new AccountConfig("acme", REAL), new AccountConfig("beta", null)),
                        clock,
                        feedback))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "config/bridle.yaml: @acme has credentials but @beta does not. Give every account credentials "
                                + "to run on X, or none to run in the sandbox; Bridle never mixes the two.");
    }

    @Test
    void theJdkIsToldNotToResendPosts() {
        PlatformFactory.connect(config(false, null, new AccountConfig("acme", REAL)), clock, feedback);

        assertThat(System.getProperty("sun.net.http.retryPost")).isEqualTo("false");
    }
}
