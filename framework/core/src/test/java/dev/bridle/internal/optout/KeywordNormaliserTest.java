package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.text.Folding;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class KeywordNormaliserTest {

    private static String[] shown(String message) {
        NormalisedMessage m = KeywordNormaliser.normalise(message);
        return Arrays.copyOf(m.shown, m.size);
    }

    private static String[] keys(String message) {
        NormalisedMessage m = KeywordNormaliser.normalise(message);
        return Arrays.copyOf(m.keys, m.size);
    }

    @Test
    void dropsMentionsLinksEmojiAndPunctuation() {
        assertThat(shown("@acme_bot @other STOP!!! 🛑 https://t.co/x1?y=2 #now"))
                .containsExactly("stop", "now");
        assertThat(shown("mail me at a@b.com")).containsExactly("mail", "me", "at", "a", "b", "com");
        assertThat(shown("＠acme ＳＴＯＰ")).containsExactly("stop");
        assertThat(shown("🛑🛑 ... @x")).isEmpty();
    }

    @Test
    void joinsContractionsButSplitsElisions() {
        assertThat(shown("don't can’t won\u02BCt")).containsExactly("dont", "cant", "wont");
        assertThat(shown("I'm sure we're fine")).containsExactly("im", "sure", "were", "fine");
        assertThat(shown("arrêtez de m'écrire, s'il vous plaît"))
                .containsExactly("arrêtez", "de", "m", "écrire", "sil", "vous", "plaît");
        assertThat(shown("l'arrêt qu'il")).containsExactly("l", "arrêt", "quil");
        assertThat(shown("'stop' rock'")).containsExactly("stop", "rock");
        assertThat(shown("dell'elenco")).containsExactly("dellelenco");
    }

    @Test
    void joinsSpelledOutWords() {
        assertThat(shown("S.T.O.P.")).containsExactly("stop");
        assertThat(shown("s t o p now")).containsExactly("stop", "now");
        assertThat(shown("I am a cat")).containsExactly("i", "am", "a", "cat");
    }

    @Test
    void keysMeetAcrossScriptsWidthsAndAccents() {
        assertThat(keys("\u0405\u0422\u041E\u0420 ＳＴＯＰ st0p ꜱᴛᴏᴘ 𝐒𝐓𝐎𝐏")).containsOnly("stop");
        assertThat(keys("ARRÊT arret")).containsOnly("arret");
        assertThat(keys("S\u200BT\u202EO\u2066P\u00AD")).containsExactly("stop");
        assertThat(keys("não")).containsExactly("nao");
    }

    @Test
    void marksClauseStarts() {
        NormalisedMessage m = KeywordNormaliser.normalise("no, don't stop. Never\nstop");
        assertThat(Arrays.copyOf(m.clauseStart, m.size)).containsExactly(true, true, false, true, true);
    }

    @Test
    void keepsTheShownTextReadable() {
        assertThat(KeywordNormaliser.normalise("  Stop. THANK   you!! ").text()).isEqualTo("stop thank you");
        assertThat(KeywordNormaliser.normalise("ѕтор").text()).isEqualTo("ѕтор");
    }

    @Property
    void theAsciiFastPathFoldsLikeIcu(@ForAll("ascii") String text) {
        assertThat(KeywordNormaliser.fold(text)).isEqualTo(Folding.fold(text));
    }

    @Property
    void theAsciiFastPathKeysLikeIcu(@ForAll("asciiWords") String word) {
        assertThat(KeywordNormaliser.key(word)).isEqualTo(Folding.skeleton(word));
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().ascii().ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> asciiWords() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .ofMinLength(1)
                .ofMaxLength(20);
    }
}
