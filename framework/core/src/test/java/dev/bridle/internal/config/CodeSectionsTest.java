package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.config.ConsentPolicy;
import dev.bridle.config.Duplicates;
import dev.bridle.config.InboundSettings;
import dev.bridle.config.OptOutPolicy;
import dev.bridle.config.Throttles;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.store.StoreConfig;
import org.junit.jupiter.api.Test;

/**
 * The public sections' defaults are the runtime's: a builder given {@code Throttles.defaults()} runs exactly as one
 * given nothing, and as a file that leaves the section out. The defaults are written twice (the public constants say
 * them to users; the settings records explain them), so this is what keeps them one.
 */
class CodeSectionsTest {

    private static final StoreConfig H2 = new StoreConfig(StoreConfig.DEFAULT_URL, null, null);
    private static final StoreConfig POSTGRES = new StoreConfig("jdbc:postgresql://localhost/bridle", null, null);

    @Test
    void theDefaultThrottlesAreTheRuntimesOnEitherStore() {
        assertThat(CodeSections.throttles(Throttles.defaults(), H2)).isEqualTo(ThrottlesConfig.defaults(H2));
        assertThat(CodeSections.throttles(Throttles.defaults(), POSTGRES))
                .isEqualTo(ThrottlesConfig.defaults(POSTGRES));
    }

    @Test
    void theDefaultDuplicatesAreTheRuntimes() {
        assertThat(CodeSections.duplicates(Duplicates.defaults())).isEqualTo(DuplicatesConfig.defaults());
    }

    @Test
    void theDefaultConsentIsTheRuntimesWithTheAppAsOperator() {
        assertThat(CodeSections.consent(ConsentPolicy.defaults(), "acme-bots-dev"))
                .isEqualTo(ConsentSettings.defaults("acme-bots-dev"));
    }

    @Test
    void theDefaultOptOutIsTheRuntimes() {
        assertThat(CodeSections.optOut(OptOutPolicy.defaults())).isEqualTo(OptOutSettings.defaults());
    }

    @Test
    void theDefaultInboundIsTheRuntimes() {
        assertThat(CodeSections.inbound(InboundSettings.defaults())).isEqualTo(InboundConfig.defaults());
    }
}
