package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.config.Environment;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.store.StoreConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurposeWarningsTest {

    private static BridleConfig withPurpose(String purpose) {
        return new BridleConfig(
                "test",
                Environment.DEV,
                new AppConfig("acme-dev", purpose),
                false,
                new StoreConfig(StoreConfig.DEFAULT_URL, null, null),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void aPurposeThatReadsLikeSurveillanceIsWarnedAbout() {
        assertThat(PurposeWarnings.of(withPurpose("alert our staff to protests and rallies near our stores")))
                .singleElement()
                .asString()
                .contains("sensitive event", "protest");
    }

    @Test
    void aPurposeThatInfersSensitiveTraitsIsWarnedAbout() {
        assertThat(PurposeWarnings.of(withPurpose("find customers who are pregnant and offer them baby products")))
                .anyMatch(w -> w.contains("health"));
    }

    @Test
    void anOrdinaryPurposeGetsNoWarning() {
        assertThat(PurposeWarnings.of(withPurpose("answer questions about Acme releases: nothing else")))
                .isEmpty();
    }
}
