package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.config.TermFileReloader.Outcome;
import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.sensitive.SensitiveLexicon;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermFileReloaderTest {

    static final String BASE = "version: 1\nextends: shipped\nlanguages:\n  en:\n    terms:\n      health: [";

    @Test
    void anEditIsPickedUpAfterTheIntervalAndABadEditKeepsThePreviousTerms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("terms.yaml");
        Files.writeString(file, BASE + "sniffles]\n");
        MutableClock clock = MutableClock.at("2026-12-03T12:00:00Z");
        TermFileReloader<SensitiveLexicon> terms = TermFileReloader.sensitive(file, clock);

        assertThat(refuses(terms.current(), "sniffles")).isTrue();
        Files.writeString(file, BASE + "sneezes]\n");
        assertThat(refuses(terms.current(), "sneezes"))
                .as("not before the interval")
                .isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(refuses(terms.current(), "sneezes")).isTrue();
        assertThat(refuses(terms.current(), "sniffles")).isFalse();

        Files.writeString(file, BASE + "x*]\n");
        assertThat(terms.check()).isEqualTo(Outcome.REJECTED);
        assertThat(terms.lastError()).hasMessageContaining(file + ":6");
        assertThat(refuses(terms.current(), "sneezes")).as("kept").isTrue();
        assertThat(terms.check()).as("reported once").isEqualTo(Outcome.UNCHANGED);

        Files.writeString(file, BASE + "coughs]\n");
        assertThat(terms.check()).isEqualTo(Outcome.RELOADED);
        assertThat(terms.lastError()).isNull();
    }

    private static boolean refuses(SensitiveLexicon lexicon, String value) {
        return new FactClassifier(lexicon).classify("note", value).refused();
    }
}
