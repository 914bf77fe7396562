package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.Bridle;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.config.Environment;
import dev.bridle.config.Schedule;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bridle run's no-credentials mode: a local sandbox with the accounts and an audience, acted on through the adapter.
 */
class LocalSandboxTest {

    /** Posts once a run. */
    public static final class Poster implements Bot {
        @Override
        public void onSchedule(BotContext ctx) {
            ctx.actions().post("hello, sandbox");
        }
    }

    @TempDir
    Path dir;

    private BridleConfig config(AccountConfig... accounts) {
        return new BridleConfig(
                "config/bridle.yaml",
                Environment.DEV,
                new AppConfig("acme-dev", "testing"),
                false,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(accounts),
                List.of(new BotConfig(
                        "poster", Poster.class.getName(), "acme", new Schedule.Every(Duration.ofHours(1)), Set.of())));
    }

    @Test
    void accountsWithoutCredentialsActOnALocalSandboxWithAnAudience() {
        BridleConfig config = config(new AccountConfig("acme", null), new AccountConfig("beta", null));
        assertThat(LocalSandbox.wanted(config)).isTrue();

        try (Sandbox sandbox = LocalSandbox.start(config, Clock.systemUTC());
                Bridle bridle = LocalSandbox.actOn(
                                Bridle.builder()
                                        .app("acme-dev", "testing")
                                        .store(dir.resolve("bridle"))
                                        .account("acme")
                                        .account("beta")
                                        .bot("poster", "acme", Poster.class, new Schedule.Every(Duration.ofHours(1))),
                                sandbox,
                                config)
                        .build()) {
            bridle.runNow("poster");

            assertThat(sandbox.sent("acme").posts()).hasSize(1);
            assertThat(sandbox.audience()).as("a simulated audience").isPresent();
            assertThat(bridle.ledger().tail(1).get(0).record().event()).isEqualTo(LedgerEvent.SENT);
        }
    }

    @Test
    void accountsWithCredentialsNeverGetTheSandbox() {
        assertThat(LocalSandbox.wanted(config(new AccountConfig(
                        "acme",
                        new dev.bridle.internal.config.Credentials(
                                dev.bridle.internal.secret.Secret.of("ck"),
                                dev.bridle.internal.secret.Secret.of("cs"),
                                dev.bridle.internal.secret.Secret.of("at"),
                                dev.bridle.internal.secret.Secret.of("as"))))))
                .isFalse();
    }
}
