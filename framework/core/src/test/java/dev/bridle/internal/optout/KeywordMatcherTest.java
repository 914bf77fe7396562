package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.config.KeywordFileReader;
import org.junit.jupiter.api.Test;

/** The tiers on a small keyword file of our own, one behaviour at a time. */
class KeywordMatcherTest {

    static final String SMALL = """
            settings:
              phrases: %s
              fuzzy: %s
              partial_max_words: 3
            languages:
              en:
                opt_out: [stop, unsubscribe, opt out]
                opt_out_alone: [end]
                opt_in: [start]
                help: [help]
                phrases: ["leave me alone", "stop (texting|messaging) me"]
                filler: [please, thanks]
                negations: [dont, never gonna]
                ordinary: [stop by, quite]
                replies:
                  opt_out: "Unsubscribed. Reply START to opt back in."
                  opt_in: "Subscribed."
                  help: "Reply STOP to stop."
                  ambiguous: "Reply STOP to confirm."
              es:
                opt_out: [stop, baja]
                filler: [por favor]
                replies:
                  opt_out: "Baja confirmada. Responde START para volver."
            """;

    private static KeywordMatcher matcher(boolean phrases, boolean fuzzy) {
        return KeywordMatcher.of(KeywordFileReader.parse(SMALL.formatted(phrases, fuzzy), "small.yaml"));
    }

    private static final KeywordMatcher MATCHER = matcher(true, true);

    private static Classification classify(String message) {
        return MATCHER.classify(message);
    }

    @Test
    void keywordsWithFillerAreTheirClass() {
        assertThat(classify("Stop please!"))
                .isEqualTo(new Classification(MessageClass.OPT_OUT, "en.opt_out.keyword:stop", "en", "stop please"));
        assertThat(classify("START"))
                .extracting(Classification::messageClass, Classification::rule)
                .containsExactly(MessageClass.OPT_IN, "en.opt_in.keyword:start");
        assertThat(classify("help thanks").rule()).isEqualTo("en.help.keyword:help");
        assertThat(classify("help stop").messageClass()).isEqualTo(MessageClass.OPT_OUT);
    }

    @Test
    void anOptOutWithAnOptInIsAmbiguousNeverAnOptIn() {
        assertThat(classify("start stop"))
                .extracting(Classification::messageClass, Classification::rule)
                .containsExactly(MessageClass.AMBIGUOUS, "conflict:stop+start");
        assertThat(classify("start now please").messageClass()).isEqualTo(MessageClass.NONE);
    }

    @Test
    void aFillerPicksTheLanguageOfAKeywordSeveralLanguagesList() {
        assertThat(classify("stop").language()).isEqualTo("en");
        assertThat(classify("stop por favor").language()).isEqualTo("es");
        assertThat(classify("stop por favor").rule()).isEqualTo("es.opt_out.keyword:stop");
        assertThat(classify("baja").language()).isEqualTo("es");
    }

    @Test
    void phrasesCountAnywhereUnlessNegatedOrSwitchedOff() {
        assertThat(classify("ok whatever, leave me alone").rule()).isEqualTo("en.opt_out.phrase:leave me alone");
        assertThat(classify("dont leave me alone").messageClass()).isEqualTo(MessageClass.NONE);
        assertThat(classify("dont. leave me alone").messageClass())
                .as("a negation does not reach across a clause")
                .isEqualTo(MessageClass.OPT_OUT);
        assertThat(matcher(false, true).classify("ok whatever, leave me alone").messageClass())
                .isEqualTo(MessageClass.NONE);
    }

    @Test
    void keywordsInASentence() {
        assertThat(classify("stop it now").rule()).isEqualTo("partial:stop...");
        assertThat(classify("you must stop").rule()).isEqualTo("partial:...stop");
        assertThat(classify("stop it right now ok").rule())
                .as("more than partial_max_words")
                .isEqualTo("in_sentence:stop");
        assertThat(classify("we must stop this").rule()).isEqualTo("in_sentence:stop");
        assertThat(classify("stop by later").rule()).isEqualTo("en.ordinary:stop by");
        assertThat(classify("dont stop").rule()).isEqualTo("en.negation:dont");
        assertThat(classify("never gonna stop").rule()).isEqualTo("en.negation:never gonna");
        assertThat(classify("please opt out now").rule()).isEqualTo("partial:opt out...");
    }

    @Test
    void aloneOnlyKeywordsCountOnlyAlone() {
        assertThat(classify("end").messageClass()).isEqualTo(MessageClass.OPT_OUT);
        assertThat(classify("end please").messageClass()).isEqualTo(MessageClass.OPT_OUT);
        assertThat(classify("the end").messageClass()).isEqualTo(MessageClass.NONE);
        assertThat(classify("end it").messageClass()).isEqualTo(MessageClass.NONE);
    }

    @Test
    void nearMissesAreAmbiguousUnlessOrdinaryOrSwitchedOff() {
        assertThat(classify("stpo").rule()).isEqualTo("fuzzy:stpo~stop");
        assertThat(classify("please unsubscirbe").rule()).isEqualTo("fuzzy:unsubscirbe~unsubscribe");
        assertThat(classify("opt outt").rule()).isEqualTo("fuzzy:opt outt~opt out");
        assertThat(classify("stopplease").rule()).isEqualTo("fuzzy:stopplease~stop");
        assertThat(classify("quite").rule()).isEqualTo("en.ordinary:quite");
        assertThat(classify("stpo it").messageClass()).isEqualTo(MessageClass.NONE);
        assertThat(matcher(true, false).classify("stpo").messageClass()).isEqualTo(MessageClass.NONE);
    }

    @Test
    void nothingLeftIsEmptyAndNothingMatchedIsNone() {
        assertThat(classify("")).isEqualTo(new Classification(MessageClass.NONE, "none:empty", "und", ""));
        assertThat(classify("@someone 🛑 https://x.y/z"))
                .extracting(Classification::rule)
                .isEqualTo("none:empty");
        assertThat(classify("good morning").rule()).isEqualTo("none");
        assertThat(classify("good morning").language()).isEqualTo("und");
    }

    @Test
    void suppressesMeansOptOutOrAmbiguous() {
        assertThat(classify("stop").suppresses()).isTrue();
        assertThat(classify("stpo").suppresses()).isTrue();
        assertThat(classify("start").suppresses()).isFalse();
        assertThat(classify("help").suppresses()).isFalse();
        assertThat(classify("hello").suppresses()).isFalse();
    }

    @Test
    void repliesFallBackOnTheDefaultLanguage() {
        KeywordSet set = MATCHER.keywords();
        assertThat(set.replies("es").optOut()).isEqualTo("Baja confirmada. Responde START para volver.");
        assertThat(set.replies("es").help()).isEqualTo("Reply STOP to stop.");
        assertThat(set.replies("xx").optOut()).isEqualTo("Unsubscribed. Reply START to opt back in.");
        assertThat(set.replies("en").forClass(MessageClass.AMBIGUOUS)).isEqualTo("Reply STOP to confirm.");
        assertThat(set.replies("en").forClass(MessageClass.NONE)).isNull();
    }
}
