package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.config.Environment;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.config.TermFiles;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognisersTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T09:00:00Z"));

    private BridleConfig configIn(Path directory) {
        return new BridleConfig(
                directory.resolve("bridle.yaml").toString(),
                Environment.DEV,
                new AppConfig("acme-dev", "answering customers"),
                false,
                new StoreConfig(StoreConfig.DEFAULT_URL, null, null),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(),
                List.of());
    }

    private static String withHealthTerm(String term) {
        return """
                version: 1
                extends: shipped
                languages:
                  en:
                    terms:
                      health: [%s]
                """.formatted(term);
    }

    @Test
    void withoutTermFilesBesideTheConfigurationTheShippedTermsDecide() {
        Recognisers recognisers = Recognisers.of(configIn(dir), clock);

        assertThat(recognisers.facts().classify("note", "diabetic").refused()).isTrue();
        assertThat(recognisers.facts().classify("note", "zorbitis").refused()).isFalse();
    }

    @Test
    void aTermFileBesideTheConfigurationIsUsedAndRereadWhenItChanges() throws Exception {
        Path file = dir.resolve(TermFiles.SENSITIVE_TERMS);
        Files.writeString(file, withHealthTerm("zorbitis"));
        Recognisers recognisers = Recognisers.of(configIn(dir), clock);
        assertThat(recognisers.facts().classify("note", "has zorbitis").refused())
                .isTrue();

        Files.writeString(file, withHealthTerm("quuxalgia"));
        clock.advance(Duration.ofSeconds(3));

        assertThat(recognisers.facts().classify("note", "has zorbitis").refused())
                .isFalse();
        assertThat(recognisers.facts().classify("note", "has quuxalgia").refused())
                .isTrue();
    }

    @Test
    void theTermFilesTheConfigurationNamesAreUsedInsteadOfThoseBesideIt() throws Exception {
        Path terms = Files.createDirectories(dir.resolve("terms"));
        Files.writeString(terms.resolve("ours.yaml"), withHealthTerm("zorbitis"));
        Files.writeString(dir.resolve(TermFiles.SENSITIVE_TERMS), withHealthTerm("quuxalgia"));
        Files.writeString(terms.resolve("watch.yaml"), """
                version: 1
                extends: shipped
                languages:
                  en:
                    sensitive_event: [zorbfest]
                """);
        Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-dev, purpose: answering customers }
                recognisers:
                  sensitiveTerms: terms/ours.yaml
                  watchTerms: terms/watch.yaml
                """);

        Recognisers recognisers = Recognisers.of(ConfigLoader.load(file), clock);

        assertThat(recognisers.facts().classify("note", "has zorbitis").refused())
                .isTrue();
        assertThat(recognisers.facts().classify("note", "has quuxalgia").refused())
                .isFalse();
        assertThat(recognisers.watch().classify("zorbfest berlin").refused()).isTrue();
    }

    @Test
    void aBadEditKeepsThePreviousTerms() throws Exception {
        Path file = dir.resolve(TermFiles.SENSITIVE_TERMS);
        Files.writeString(file, withHealthTerm("zorbitis"));
        Recognisers recognisers = Recognisers.of(configIn(dir), clock);

        Files.writeString(file, "version: 1\nlanguages: [not, a, map]\n");
        clock.advance(Duration.ofSeconds(3));

        assertThat(recognisers.facts().classify("note", "has zorbitis").refused())
                .isTrue();
    }
}
