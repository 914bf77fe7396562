package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.Bridle;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.config.AppMismatchException;
import dev.bridle.config.Environment;
import dev.bridle.config.Schedule;
import dev.bridle.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One app per use case at start-up, on the real sandbox: an app that ran as dev on a store does not start there as
 * prod.
 */
class OneAppPerUseCaseEndToEndTest {

    /** Does nothing: the test is about starting. */
    public static final class Idle implements Bot {
        @Override
        public void onSchedule(BotContext ctx) {}
    }

    @TempDir
    Path dir;

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.builder().account("acme_help").build().start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private Bridle.Builder bridle(String appName, Environment environment) {
        return Bridle.builder()
                .app(appName, "answering Acme's customers")
                .environment(environment)
                .store(dir.resolve("bridle"))
                .account(
                        "acme_help",
                        sandbox.app().consumerKey(),
                        sandbox.app().consumerSecret(),
                        sandbox.account("acme_help").accessToken(),
                        sandbox.account("acme_help").accessTokenSecret())
                .bot("idle", "acme_help", new Idle(), new Schedule.Every(Duration.ofHours(1)))
                .apiBaseUrl(sandbox.baseUrl());
    }

    @Test
    void anAppThatRanAsDevDoesNotStartAsProdOnTheSameStore() {
        bridle("acme-bots-dev", Environment.DEV).build().close();
        bridle("acme-bots-dev", Environment.DEV).build().close(); // again as dev: fine

        assertThatThrownBy(() -> bridle("acme-bots-prod", Environment.PROD).build())
                .isInstanceOf(AppMismatchException.class)
                .hasMessageContaining("MULTIPLE_APPS")
                .hasMessageContaining("ran on this store as dev")
                .hasMessageNotContaining(sandbox.app().consumerKey());
    }

    @Test
    void accountsOfTwoAppsInOneConfigurationGivenInCodeAreAProblemOfTheConfiguration() {
        assertThatThrownBy(() -> bridle("acme-bots-dev", Environment.DEV)
                        .account("acme_news", "another-app-key", "another-app-secret", "token", "token-secret")
                        .plan())
                .hasMessageContaining(
                        "accounts.acme_news: @acme_news acts through another platform app than @acme_help")
                .hasMessageContaining("MULTIPLE_APPS")
                .hasMessageNotContaining("another-app-key");
    }
}
