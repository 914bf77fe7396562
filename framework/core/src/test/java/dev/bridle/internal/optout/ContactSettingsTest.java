package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.consent.OptOutScope;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.inbound.WebhookSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings records check their own values and say what is wrong. */
class ContactSettingsTest {

    @Test
    void anOptOutReachesEveryAccountUnlessItsAccountSaysOtherwise() {
        OptOutSettings settings = OptOutSettings.defaults().withAccountScope("@Acme_Support", OptOutScope.ACCOUNT);

        assertThat(settings.keyFor("acme_news")).isEqualTo("*");
        assertThat(settings.keyFor("ACME_SUPPORT")).isEqualTo("acme_support");
        assertThat(settings.keyFor("*")).isEqualTo("*");
    }

    @Test
    void theConsentHashtagIsOneWordWithoutItsHash() {
        assertThat(ConsentSettings.defaults("acme")
                        .withInteractionHashtag("#AskAcme")
                        .interactionHashtag())
                .isEqualTo("askacme");
        assertThat(ConsentSettings.defaults("acme").interactionHashtag()).isNull();
        assertThatThrownBy(() -> ConsentSettings.defaults("acme").withInteractionHashtag("ask acme"))
                .hasMessageContaining("one word");
    }

    @Test
    void consentSettingsRefuseWhatCannotWork() {
        assertThatThrownBy(() -> ConsentSettings.defaults(" ")).hasMessageContaining("operator");
        assertThatThrownBy(() -> ConsentSettings.defaults("acme").withExpiry(Duration.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> ConsentSettings.defaults("acme").withCacheTtl(Duration.ofSeconds(-1)))
                .hasMessageContaining("negative");
    }

    @Test
    void theWebhookIsOffAndOnLoopbackByDefault() {
        WebhookSettings defaults = WebhookSettings.defaults();

        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> new WebhookSettings(true, "127.0.0.1", 70_000, "/h", 4096, null))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new WebhookSettings(true, "127.0.0.1", 0, "h", 4096, null))
                .hasMessageContaining("starts with '/'");
    }
}
