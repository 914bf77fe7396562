package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.config.Environment;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.config.Purpose;
import dev.bridle.config.Schedule;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.config.DuplicatesConfig;
import dev.bridle.internal.config.InboundConfig;
import dev.bridle.internal.throttle.ThrottleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration `./bridle run` uses out of the box is valid with the real example bots. */
class ShippedConfigTest {

    @Test
    void theShippedConfigurationIsValid() {
        BridleConfig config = ConfigLoader.load(
                Path.of("../config/bridle.yaml"), Map.of(), getClass().getClassLoader());

        assertThat(config.environment()).isEqualTo(Environment.DEV);
        assertThat(config.app().name()).isEqualTo("acme-bots-dev");
        assertThat(config.store().url()).isEqualTo("jdbc:h2:file:./data/bridle");
        assertThat(config.modules()).containsExactly(ExamplesModule.class.getName());
        assertThat(config.accounts()).extracting(AccountConfig::handle).containsExactly("acme_news", "acme_help");
        assertThat(config.accounts())
                .allSatisfy(
                        a -> assertThat(a.credentials()).as("sandbox accounts").isNull());
        assertThat(config.bots())
                .extracting(BotConfig::className)
                .containsExactly(
                        ReleaseNotesBot.class.getName(),
                        ThankYouBot.class.getName(),
                        FollowBackBot.class.getName(),
                        SupportNotesBot.class.getName(),
                        ReleaseNotesBot.class.getName());
        assertThat(config.bot("support-notes").orElseThrow().onConsentEnd()).isEqualTo(OnConsentEnd.KEEP_PROVIDED);
        assertThat(config.bot("support-notes").orElseThrow().purposes()).containsExactly(Purpose.CUSTOMER_SUPPORT);
        assertThat(config.bot("follow-back").orElseThrow().account())
                .as("where the demo audience asks")
                .isEqualTo("acme_help");
        assertThat(config.bot("release-notes").orElseThrow().schedule())
                .isEqualTo(new Schedule.Every(Duration.ofSeconds(20)));
    }

    @Test
    void theDemoSpacesActionsFiveSecondsApartAndOffersFollowsInItsNotice() {
        BridleConfig config = ConfigLoader.load(
                Path.of("../config/bridle.yaml"), Map.of(), getClass().getClassLoader());

        // Short enough that the one-minute sandbox demo shows sends as well as deferrals.
        assertThat(config.throttles().settings().minSpacing()).isEqualTo(Duration.ofSeconds(5));
        // The follow-back bot can only follow people whose START covered follows.
        assertThat(config.consent().notice().scopes()).contains(ConsentScope.FOLLOW);
        assertThat(config.consent().notice().text()).contains("follows");
        assertThat(config.optOut().keywordFile())
                .isEqualTo(Path.of("../config/optout-keywords.yaml")
                        .toAbsolutePath()
                        .normalize());
        // Everything else is as the records' defaults say.
        assertThat(config.throttles().settings().accountLimits()).isEqualTo(ThrottleSettings.DEFAULT_ACCOUNT_LIMITS);
        assertThat(config.duplicates()).isEqualTo(DuplicatesConfig.defaults());
        // The demo reads mentions every 5 seconds, so that its first minute shows answers.
        assertThat(config.inbound().pollMentionsEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.inbound().pollDirectMessagesEvery())
                .isEqualTo(InboundConfig.defaults().pollDirectMessagesEvery());
    }
}
