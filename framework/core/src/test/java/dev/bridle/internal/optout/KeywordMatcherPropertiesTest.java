package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.config.KeywordFileReader;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tricks that must never change what a keyword message means, and ordinary sentences that must never be taken for one.
 */
class KeywordMatcherPropertiesTest {

    private static final KeywordMatcher MATCHER = KeywordMatcher.of(KeywordFileReader.defaults());

    /** Messages of each class, in each language, as plainly as people write them. */
    private static final List<String> KEYWORD_MESSAGES = List.of(
            "stop",
            "STOP please",
            "Stop. Thank you",
            "unsubscribe",
            "stop all",
            "opt out",
            "remove me",
            "cancel",
            "start",
            "yes",
            "help",
            "info",
            "leave me alone",
            "please stop messaging me",
            "cease and desist",
            "lose my number",
            "baja",
            "baja por favor",
            "dame de baja",
            "alta",
            "ayuda",
            "arrêt",
            "arrête svp",
            "désabonner",
            "laissez-moi tranquille",
            "aide",
            "stopp",
            "abmelden",
            "lass mich in Ruhe",
            "hilfe",
            "parar",
            "me deixe em paz",
            "ajuda",
            "basta",
            "disiscrivimi",
            "lasciami in pace",
            "aiuto",
            "stpo",
            "stopppp",
            "STOP 12345",
            "stop start",
            "I can't stop laughing",
            "stop by our booth",
            "don't stop");

    private static final List<String> INVISIBLE = List.of(
            "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202A", "\u202B", "\u202C", "\u202D",
            "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\uFE0F");

    private static final List<String> AROUND = List.of(
            "", " ", "!", "!!!", "...", "?", "\"", "'", "*", "(", ")", "🛑", "🙏", "😡", "✋", "❌", "❗", "‼️", "👋🏽",
            " 🛑 ", "\n", "~", "—", "#", "¡", "¿", ".", ",");

    /** Words that are no keyword, filler or negation, nor one slip away from one. */
    private static final List<String> ORDINARY_WORDS = List.of(
            "the",
            "a",
            "cat",
            "dog",
            "sun",
            "morning",
            "coffee",
            "great",
            "love",
            "happy",
            "we",
            "they",
            "went",
            "to",
            "park",
            "city",
            "book",
            "read",
            "music",
            "play",
            "game",
            "team",
            "won",
            "today",
            "tomorrow",
            "weather",
            "nice",
            "rain",
            "friends",
            "family",
            "dinner",
            "lunch",
            "cook",
            "new",
            "old",
            "phone",
            "app",
            "update",
            "release",
            "code",
            "bug",
            "fix",
            "ship",
            "blog",
            "photo",
            "video",
            "travel",
            "beach",
            "mountain",
            "river",
            "walk",
            "bike",
            "car",
            "train",
            "school",
            "is",
            "was",
            "very",
            "really",
            "our",
            "their",
            "my",
            "with",
            "for",
            "on",
            "in",
            "at",
            "about",
            "this",
            "that",
            "green",
            "blue",
            "garden",
            "window",
            "teacher",
            "question",
            "answer",
            "idea",
            "plan",
            "week",
            "year");

    @Property
    void invisibleCharactersAnywhereNeverChangeTheClassification(
            @ForAll("keywordMessages") String message,
            @ForAll("invisibleInsertions") List<Integer> positions,
            @ForAll("invisible") String invisible) {
        StringBuilder spiked = new StringBuilder(message);
        for (int position : positions) {
            spiked.insert(Math.floorMod(position, spiked.length() + 1), invisible);
        }

        assertSameClassification(spiked.toString(), message);
    }

    @Property
    void caseNeverChangesTheClassification(@ForAll("keywordMessages") String message, @ForAll long seed) {
        StringBuilder mixed = new StringBuilder();
        java.util.Random random = new java.util.Random(seed);
        message.codePoints()
                .forEach(cp -> mixed.appendCodePoint(
                        random.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));

        assertSameClassification(mixed.toString(), message);
        assertSameClassification(message.toUpperCase(Locale.ROOT), message);
    }

    @Property
    void punctuationAndEmojiAroundNeverChangeTheClassification(
            @ForAll("keywordMessages") String message,
            @ForAll("around") String before,
            @ForAll("around") String after) {
        assertSameClassification(before + message + after, message);
    }

    @Property
    void aMentionInFrontNeverChangesTheClassification(
            @ForAll("keywordMessages") String message, @ForAll("handles") String handle) {
        assertSameClassification("@" + handle + " " + message, message);
    }

    @Property
    void anOrdinarySentenceWithoutKeywordsIsNone(@ForAll("ordinarySentences") String sentence) {
        assertThat(MATCHER.classify(sentence).messageClass()).as(sentence).isEqualTo(MessageClass.NONE);
    }

    private static void assertSameClassification(String variant, String original) {
        Classification expected = MATCHER.classify(original);
        Classification got = MATCHER.classify(variant);
        assertThat(got.messageClass()).as("%s vs %s", escape(variant), original).isEqualTo(expected.messageClass());
        assertThat(got.rule()).as("%s vs %s", escape(variant), original).isEqualTo(expected.rule());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .forEach(cp -> out.append(
                        cp < 0x20 || Character.getType(cp) == Character.FORMAT
                                ? String.format("\\u%04X", cp)
                                : new String(Character.toChars(cp))));
        return out.toString();
    }

    @Provide
    Arbitrary<String> keywordMessages() {
        return Arbitraries.of(KEYWORD_MESSAGES);
    }

    @Provide
    Arbitrary<List<Integer>> invisibleInsertions() {
        return Arbitraries.integers().between(0, 100).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> invisible() {
        return Arbitraries.of(INVISIBLE).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> around() {
        return Arbitraries.of(AROUND).list().ofMaxSize(3).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> handles() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars('_')
                .ofMinLength(1)
                .ofMaxLength(15);
    }

    @Provide
    Arbitrary<String> ordinarySentences() {
        Arbitrary<List<String>> words =
                Arbitraries.of(ORDINARY_WORDS).list().ofMinSize(1).ofMaxSize(20);
        Arbitrary<String> end = Arbitraries.of("", ".", "!", "?", " 😀", "!!", " #fun");
        return Combinators.combine(words, end).as((w, e) -> {
            String sentence = String.join(" ", w) + e;
            return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
        });
    }
}
