package dev.bridle.internal.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.internal.config.SensitiveTermsReader;
import dev.bridle.internal.config.TermFileException;
import dev.bridle.internal.yaml.YamlProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveTermsReaderTest {

    @Test
    void theShippedFileHasEveryCategoryInAtLeastSixLanguages() {
        SensitiveLexicon shipped = SensitiveTermsReader.defaults();

        assertThat(shipped.languages()).contains("en", "de", "fr", "es", "pt", "it");
        for (SensitiveCategory c : SensitiveCategory.values()) {
            for (String language : List.of("en", "de", "fr", "es", "pt", "it")) {
                assertThat(shipped.valueTerms().entries())
                        .as(c + " in " + language)
                        .anyMatch(e -> e.value().category() == c
                                && e.value().language().equals(language));
            }
        }
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        String yaml = "version: 1\n" // 1
                + "keys:\n" // 2
                + "  wealth: [rich]\n" // 3
                + "languages:\n" // 4
                + "  EN:\n" // 5
                + "    terms: {}\n" // 6
                + "  de:\n" // 7
                + "    terms:\n" // 8
                + "      health: [\"x*\", \"ab*c\", 3]\n" // 9
                + "    colours: []\n"; // 10

        assertThatThrownBy(() -> SensitiveTermsReader.parse(yaml, "t.yaml"))
                .isInstanceOfSatisfying(
                        TermFileException.class,
                        e -> assertThat(e.problems())
                                .extracting(YamlProblem::line)
                                .containsExactly(3, 5, 9, 9, 10))
                .hasMessageContaining("t.yaml:3")
                .hasMessageContaining("not a category")
                .hasMessageContaining("a stem needs at least 3 letters")
                .hasMessageContaining("'*' may only end an entry");
    }

    @Test
    void aFileThatStandsAloneMustGiveEveryCategoryATerm() {
        assertThatThrownBy(() -> SensitiveTermsReader.parse(
                        "version: 1\nlanguages:\n  en:\n    terms:\n      health: [flu]\n", "t.yaml"))
                .hasMessageContaining("no terms for [financial, political");
    }

    @Test
    void anOperatorFileExtendsAndRemovesShippedTerms() {
        SensitiveLexicon lexicon = SensitiveTermsReader.parse(
                "version: 1\nextends: shipped\nremove: [gay]\nlanguages:\n  en:\n    terms:\n      health: [sniffles]\n",
                "t.yaml");
        FactClassifier c = new FactClassifier(lexicon);

        assertThat(c.classify("note", "has the sniffles").categoryCode()).isEqualTo("health");
        assertThat(c.classify("note", "gay").refused()).isFalse();
        assertThat(c.classify("note", "lesbian").categoryCode()).isEqualTo("sexual");
        assertThatThrownBy(() -> SensitiveTermsReader.parse("version: 1\nextends: shipped\nremove: [zzzq]\n", "t.yaml"))
                .hasMessageContaining("t.yaml:3")
                .hasMessageContaining("no such term");
    }
}
