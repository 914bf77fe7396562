package dev.bridle.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.RateLimitFeedback;
import dev.bridle.testing.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PlatformFactoryTest {

    private static final Credentials REAL =
            new Credentials(Secret.of("ck"), Secret.of("cs"), Secret.of("at"), Secret.of("as"));

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T09:00:00Z"));
    private final List<ActionKind> observed = new CopyOnWriteArrayList<>();
    private final RateLimitFeedback feedback = (account, kind, limit, remaining, reset) -> observed.add(kind);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(PlatformFactory.class)).addAppender(logs);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(PlatformFactory.class)).detachAppender(logs);
    }

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

    @Test
    void accountsWithoutCredentialsRunInASandboxThatSaysSo() throws Exception {
        try (PlatformConnection connection = PlatformFactory.connect(
                config(
                        false,
                        "https://ignored.example/",
                        new AccountConfig("acme", null),
                        new AccountConfig("beta", null)),
                clock,
                feedback)) {
            assertThat(connection.isSandbox()).isTrue();
            var sandbox = connection.sandbox().orElseThrow();
            Account acme = connection.platform().verifyCredentials(new Account("acme", null));
            String id = connection
                    .platform()
                    .perform(Actions.post(acme, "hello, sandbox"))
                    .platformId();

            assertThat(acme.userId()).isEqualTo(sandbox.userId("acme"));
            assertThat(sandbox.sent("acme").posts()).extracting(p -> p.id()).containsExactly(id);
            assertThat(sandbox.audience()).as("a simulated audience").isPresent();
            assertThat(observed).contains(ActionKind.POST);
            assertThat(((TwitterPlatform) connection.platform()).baseUrl())
                    .isEqualTo(sandbox.baseUrl().toString());
            assertThat(logs.list)
                    .anySatisfy(e -> assertThat(e.getFormattedMessage())
                            .contains(
                                    "SANDBOX",
                                    "NOTHING IS SENT TO X",
                                    sandbox.baseUrl().toString(),
                                    "@acme, @beta"));
        }
    }

    @Test
    void accountsWithCredentialsUseTheRealPlatformAndNeverTheSandbox() {
        try (PlatformConnection connection = PlatformFactory.connect(
                config(false, null, new AccountConfig("acme", REAL), new AccountConfig("beta", REAL)),
                clock,
                feedback)) {
            assertThat(connection.isSandbox()).isFalse();
            assertThat(connection.sandbox()).isEmpty();
            TwitterPlatform platform = (TwitterPlatform) connection.platform();
            assertThat(platform.baseUrl()).isEqualTo("https://api.x.com/");
            assertThat(platform.api()).isEqualTo(PlatformConfig.ApiVersion.V2);
        }
    }

    @Test
    void aConfiguredBaseUrlIsUsedAndDryRunIsPassedOn() {
        try (PlatformConnection connection = PlatformFactory.connect(
                config(true, "https://api.twitter.com", new AccountConfig("acme", REAL)), clock, feedback)) {
            TwitterPlatform platform = (TwitterPlatform) connection.platform();
            assertThat(platform.baseUrl()).isEqualTo("https://api.twitter.com/");
            assertThat(platform.dryRun()).isTrue();
        }
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
        PlatformFactory.connect(config(false, null, new AccountConfig("acme", REAL)), clock, feedback)
                .close();

        assertThat(System.getProperty("sun.net.http.retryPost")).isEqualTo("false");
    }
}
