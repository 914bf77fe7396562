package dev.bridle.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.internal.config.SensitiveTermsReader;
import dev.bridle.internal.config.TermFileException;
import dev.bridle.internal.config.WatchTermsReader;
import dev.bridle.internal.sensitive.FactClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchClassifierTest {

    static final FactClassifier FACTS = new FactClassifier(SensitiveTermsReader.defaults());
    static final WatchClassifier SHIPPED = new WatchClassifier(WatchTermsReader.defaults(), FACTS);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "#protest lang:de | sensitive_event",
                "Kundgebung Hamburg | sensitive_event",
                "grève générale | sensitive_event",
                "(demonstration OR march) \"against the war\" | sensitive_event",
                "\"trade union\" members | sensitive_group",
                "sindacato CGIL | sensitive_group",
                "from:alice | profiling",
                "@carol | profiling",
                "from:alice OR from:bob | profiling",
                "(from:alice OR to:alice) is:reply -is:retweet | profiling",
                "from:alice diabetes | profiling",
                "from:bob protest | profiling",
                "lang:en | measurement",
                "is:retweet -is:reply | measurement",
                "-is:retweet | measurement",
                "cats OR lang:en | measurement",
                "count all tweets | measurement",
                "\"new phone\" review | none",
                "from:alice cats | none",
                "\"union berlin\" tickets | none",
                "-protest cats | none",
                "cats -(protest OR rally) | none",
                "stock rally today | none",
                "conversation_id:1234 | none",
                "in_reply_to_tweet_id:1234 -is:retweet | none",
                "list:42 | profiling",
            })
    void classifiesByTermsAndByShape(String query, String category) {
        WatchVerdict v = SHIPPED.classify(query);

        assertThat(v.categoryCode()).isEqualTo(category);
        assertThat(v.refused()).isEqualTo(!category.equals("none"));
        if (v.refused()) {
            assertThat(v.terms()).isNotEmpty();
            assertThat(v.rule()).startsWith("X developer terms");
        }
    }

    @Test
    void anEmptyQueryMatchesEverythingAndIsMeasurement() {
        assertThat(SHIPPED.classify("").categoryCode()).isEqualTo("measurement");
        assertThat(SHIPPED.classify("   ").terms()).containsExactly("(every post)");
    }

    @Test
    void reasonCodesFollowTheCategory() {
        assertThat(SHIPPED.classify("rally").reasonCode()).isEqualTo("SURVEILLANCE");
        assertThat(SHIPPED.classify("activists").reasonCode()).isEqualTo("SURVEILLANCE");
        assertThat(SHIPPED.classify("to:x").reasonCode()).isEqualTo("PROFILING");
        assertThat(SHIPPED.classify("has:media").reasonCode()).isEqualTo("SERVICE_MEASUREMENT");
    }

    @Test
    void anAccountExceptionNeedsAReasonAndThenLetsThatAccountAlone() {
        assertThatThrownBy(() -> WatchTermsReader.parse(
                        "version: 1\nextends: shipped\nexceptions:\n  - account: our_brand\n    reason: \"\"\n",
                        "w.yaml"))
                .isInstanceOf(TermFileException.class)
                .hasMessageContaining("w.yaml:4")
                .hasMessageContaining("needs a reason");
        WatchClassifier own = new WatchClassifier(
                WatchTermsReader.parse(
                        "version: 1\nextends: shipped\nexceptions:\n  - account: our_brand\n    reason: our mentions\n",
                        "w.yaml"),
                FACTS);

        assertThat(own.classify("to:our_brand").refused()).isFalse();
        assertThat(own.classify("to:Our_Brand OR to:other").categoryCode()).isEqualTo("profiling");
    }

    @Test
    void aPhraseExceptionTakesItsWordsOutOfTheTerms() {
        WatchClassifier c = new WatchClassifier(
                WatchTermsReader.parse(
                        "version: 1\nextends: shipped\nexceptions:\n  - phrase: \"rally of the cars\"\n"
                                + "    reason: a motor show\n",
                        "w.yaml"),
                FACTS);

        assertThat(SHIPPED.classify("rally of the cars").refused()).isTrue();
        assertThat(c.classify("rally of the cars").refused()).isFalse();
    }
}
