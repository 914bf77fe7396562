package dev.bridle.internal.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.config.SensitiveTermsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactClassifierTest {

    static final FactClassifier SHIPPED = new FactClassifier(SensitiveTermsReader.defaults());

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "note | she is diabetic | health",
                "note | expecting a baby in May | health",
                "notiz | schwanger im fünften Monat | health",
                "note | filed for bankruptcy | financial",
                "nota | lleno de deudas | financial",
                "note | registered Republican | political",
                "notiz | wählt AfD | political",
                "note | of Chinese descent | ethnic",
                "note | d'origine maghrébine | ethnic",
                "note | devout Catholic | religious",
                "nota | va a misa cada domingo | religious",
                "note | came out last year | sexual",
                "nota | omosessuale | sexual",
                "note | shop steward at the plant | union",
                "note | syndiqué à la CGT | union",
                "note | arrested in 2019 | crime",
                "nota | tiene antecedentes penales | crime",
            })
    void refusesAnAttributeOfThePersonWithItsCategory(String key, String value, String category) {
        FactVerdict v = SHIPPED.classify(key, value);

        assertThat(v.verdict()).isEqualTo("REFUSED");
        assertThat(v.categoryCode()).isEqualTo(category);
        assertThat(v.rule())
                .startsWith("X developer terms")
                .contains(v.category().orElseThrow().description());
        assertThat(v.terms()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "interests | follows health-tech startups",
                "favourite team | Union Berlin",
                "job | works at a bank",
                "hobbies | likes crime novels",
                "interests | reads about politics",
                "interests | true crime podcasts",
                "note | volunteers at the food bank",
                "favourite colour | black",
                "lieblingsverein | 1. FC Union Berlin",
                "note | aime les romans policiers",
                "job | probation officer",
                "note | broke the record at the 10k",
            })
    void allowsInterestsEmployersTeamsAndOrdinaryPhrases(String key, String value) {
        assertThat(SHIPPED.classify(key, value)).isEqualTo(FactVerdict.ALLOWED);
    }

    @Test
    void aKeyThatNamesACategoryRefusesWhateverTheValue() {
        assertThat(SHIPPED.classify("religion", "none").categoryCode()).isEqualTo("religious");
        assertThat(SHIPPED.classify("sexualOrientation", "").categoryCode()).isEqualTo("sexual");
        assertThat(SHIPPED.classify("health_condition", "fine").terms()).containsExactly("key:health*");
        assertThat(SHIPPED.classify("credit-score", "720").categoryCode()).isEqualTo("financial");
    }

    @Test
    void aNegatedStatementIsStillAboutTheCategory() {
        assertThat(SHIPPED.classify("note", "not pregnant").categoryCode()).isEqualTo("health");
        assertThat(SHIPPED.classify("note", "no criminal record").categoryCode())
                .isEqualTo("crime");
    }

    @Test
    void unicodeTricksDoNotHideATerm() {
        assertThat(SHIPPED.classify("note", "ＤＩＡＢＥＴＩＣ").categoryCode()).isEqualTo("health");
        assertThat(SHIPPED.classify("note", "di\u200Babetic").categoryCode()).isEqualTo("health");
        assertThat(SHIPPED.classify("note", "dіabetic").categoryCode()).isEqualTo("health"); // Cyrillic і
        assertThat(SHIPPED.classify("note", "ist schwul").categoryCode()).isEqualTo("sexual");
        assertThat(SHIPPED.classify("nota", "esta embarazada").categoryCode()).isEqualTo("health");
    }

    @Test
    void termsOfSeveralCategoriesAreAllReportedAndTheMostFrequentDecides() {
        FactVerdict v = SHIPPED.classify("note", "arrested, in jail, and diabetic");

        assertThat(v.categoryCode()).isEqualTo("crime");
        assertThat(v.terms()).contains("arrested", "in jail", "diabet*");
    }

    @Test
    void anExceptionMasksOnlyItsOwnWords() {
        assertThat(SHIPPED.classify("note", "likes crime novels").refused()).isFalse();
        assertThat(SHIPPED.classify("note", "likes crime novels, was arrested").categoryCode())
                .isEqualTo("crime");
    }
}
