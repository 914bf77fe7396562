package dev.bridle.internal.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.optout.KeywordNormaliser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The matching is as blind to folding tricks as the opt-out keywords are, for any word, not only the corpus's. */
class PhraseIndexProperties {

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12);
    }

    private static PhraseIndex<String> indexOf(String word, boolean stem) {
        PhraseIndex<String> index = new PhraseIndex<>();
        assertThat(index.add(stem ? word + "*" : word, "x")).isEmpty();
        return index;
    }

    private static int hits(PhraseIndex<String> index, String text) {
        return index.find(KeywordNormaliser.normalise(text), null).size();
    }

    @Property
    void caseWidthAndInvisibleCharactersDoNotMatter(@ForAll("words") String word) {
        PhraseIndex<String> index = indexOf(word, false);
        StringBuilder fullwidth = new StringBuilder();
        word.chars().forEach(c -> fullwidth.appendCodePoint(c + 0xFEE0));
        String zeroWidth = word.charAt(0) + "\u200B" + word.substring(1);

        assertThat(hits(index, "x " + word + " y")).isEqualTo(1);
        assertThat(hits(index, "x " + word.toUpperCase() + " y")).isEqualTo(1);
        assertThat(hits(index, "x " + fullwidth + " y")).isEqualTo(1);
        assertThat(hits(index, "x " + zeroWidth + " y")).isEqualTo(1);
        assertThat(hits(index, "«" + word + "»!")).isEqualTo(1);
    }

    @Property
    void aStemMatchesEveryLongerWordAndAWholeWordOnlyItself(
            @ForAll("words") String word, @ForAll("words") String tail) {
        assertThat(hits(indexOf(word, true), word + tail)).isEqualTo(1);
        assertThat(hits(indexOf(word, false), word + tail)).isZero();
    }

    @Property
    void aMaskedWordIsNeverPartOfAHit(@ForAll("words") String word) {
        PhraseIndex<String> index = indexOf(word, false);
        var text = KeywordNormaliser.normalise(word + " " + word);

        assertThat(index.find(text, new boolean[] {true, false}))
                .hasSize(1)
                .first()
                .extracting(h -> h.start())
                .isEqualTo(1);
        assertThat(index.find(text, new boolean[] {true, true})).isEmpty();
    }

    @Property
    void accentsAreOptional(@ForAll("words") String word) {
        String accented = word.replace('e', 'é').replace('a', 'à');
        assertThat(hits(indexOf(accented, false), word)).isEqualTo(1);
        assertThat(hits(indexOf(word, false), accented)).isEqualTo(1);
    }
}
