package dev.bridle.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.text.Folding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of normalisation and matching: evasions of a text stay duplicates of it. */
class DuplicateProperties {

    private static final List<String> WORDS = List.of(
            "release",
            "notes",
            "offline",
            "editing",
            "storm",
            "warning",
            "until",
            "shelter",
            "tickets",
            "sale",
            "today",
            "the",
            "and",
            "for",
            "with",
            "our",
            "your",
            "Boston",
            "Denver",
            "Acme",
            "Tern",
            "Monday",
            "June",
            "2.4.0",
            "9:45",
            "112°F",
            "30%",
            "$19",
            "2026",
            "#wx",
            "#deals",
            "#NBA",
            "https://acme.io/releases/2.4.0",
            "free",
            "shipping",
            "points",
            "scores",
            "minute",
            "delays",
            "between",
            "closed",
            "update",
            "security",
            "game");

    private static final String[] INVISIBLE = {
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u2066", "\u2069", "\u034F", "\uFE0F",
        "\u180E"
    };

    private static final Map<Character, Character> HOMOGLYPHS = Map.ofEntries(
            Map.entry('a', '\u0430'),
            Map.entry('c', '\u0441'),
            Map.entry('e', '\u0435'),
            Map.entry('o', '\u043E'),
            Map.entry('p', '\u0440'),
            Map.entry('x', '\u0445'),
            Map.entry('y', '\u0443'),
            Map.entry('i', '\u0456'),
            Map.entry('s', '\u0455'),
            Map.entry('A', '\u0391'),
            Map.entry('B', '\u0412'),
            Map.entry('E', '\u0395'),
            Map.entry('K', '\u039A'),
            Map.entry('M', '\u041C'),
            Map.entry('T', '\u0422'),
            Map.entry('H', '\u041D'));

    @Provide
    Arbitrary<String> posts() {
        return Arbitraries.of(WORDS).list().ofMinSize(4).ofMaxSize(24).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property
    void invisibleCharactersNeverChangeTheFingerprint(@ForAll("posts") String post, @ForAll("seeds") long seed) {
        Random rnd = new Random(seed);
        StringBuilder spiked = new StringBuilder(post);
        for (int i = 0, n = 1 + rnd.nextInt(10); i < n; i++) {
            spiked.insert(rnd.nextInt(spiked.length() + 1), INVISIBLE[rnd.nextInt(INVISIBLE.length)]);
        }

        assertThat(Fingerprint.of(spiked.toString())).isEqualTo(Fingerprint.of(post));
    }

    @Property
    void cosmeticEvasionsLeaveTheNormalisedTextUnchanged(@ForAll("posts") String post, @ForAll("seeds") long seed) {
        Random rnd = new Random(seed);
        String evaded = post;
        List<Integer> tricks = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
        Collections.shuffle(tricks, rnd);
        for (int trick : tricks.subList(0, 1 + rnd.nextInt(4))) {
            evaded = switch (trick) {
                case 0 ->
                    perLetter(
                            evaded,
                            rnd,
                            c -> HOMOGLYPHS.containsKey(c) && rnd.nextBoolean()
                                    ? String.valueOf(HOMOGLYPHS.get(c))
                                    : null);
                case 1 ->
                    perLetter(evaded, rnd, c -> rnd.nextBoolean() ? String.valueOf(Character.toUpperCase(c)) : null);
                case 2 ->
                    perLetter(
                            evaded,
                            rnd,
                            c -> c > ' ' && c < 0x7F && rnd.nextInt(3) == 0
                                    ? String.valueOf((char) (c + 0xFEE0))
                                    : null);
                case 3 -> betweenWords(evaded, rnd, new String[] {"🔥", "✨", "👉", "❤️", "👍🏽", "🇺🇸", "✅"});
                case 4 -> betweenWords(evaded, rnd, new String[] {"\u00A0", "\u2003", "\u3000", "  ", "\u2800"});
                case 5 -> "@someone " + (rnd.nextBoolean() ? "@another " : "") + evaded;
                default -> reorderHashtags(evaded, rnd);
            };
        }

        assertThat(Fingerprint.of(evaded).sameText(Fingerprint.of(post)))
                .as("%s%n%s", post, evaded)
                .isTrue();
        assertThat(Similarity.compare(post, evaded, Similarity.DEFAULT_THRESHOLD)
                        .duplicate())
                .isTrue();
    }

    @Property
    void aLinkThroughAShortenerIsStillANearDuplicate(
            @ForAll("posts") String post,
            @ForAll @StringLength(min = 5, max = 10) @CharRange(from = 'a', to = 'z') String key) {
        String withLink = post + " https://acme.io/releases/2.4.0";
        String shortened = post + " https://bit.ly/" + key;

        assertThat(Similarity.score(withLink, shortened)).isEqualTo(1.0);
    }

    @Property
    void theScoreIsSymmetricAndBetweenZeroAndOne(@ForAll("posts") String a, @ForAll("posts") String b) {
        double ab = Similarity.score(a, b);

        assertThat(ab).isBetween(0.0, 1.0).isEqualTo(Similarity.score(b, a));
        assertThat(Similarity.score(a, a)).isEqualTo(1.0);
    }

    @Property
    void theAsciiFastPathAgreesWithFolding(
            @ForAll @StringLength(min = 1, max = 20) @CharRange(from = ' ', to = '~') String word) {
        String folded = Folding.fold(word);

        assertThat(ContentNormaliser.skeleton(folded)).isEqualTo(Folding.skeleton(folded));
    }

    @Property
    void aFingerprintSurvivesItsStoredForm(@ForAll("posts") String post) {
        Fingerprint f = Fingerprint.of(post);

        assertThat(Fingerprint.fromBytes(f.toBytes())).isEqualTo(f);
    }

    private interface LetterTrick {
        String apply(char c);
    }

    /** Applies a trick to letters outside links, mentions and hashtags. */
    private static String perLetter(String text, Random rnd, LetterTrick trick) {
        String[] words = text.split(" ", -1);
        for (int w = 0; w < words.length; w++) {
            if (words[w].startsWith("http") || words[w].startsWith("@") || words[w].startsWith("#")) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            for (char c : words[w].toCharArray()) {
                String r = Character.isLetter(c) ? trick.apply(c) : null;
                out.append(r == null ? String.valueOf(c) : r);
            }
            words[w] = out.toString();
        }
        return String.join(" ", words);
    }

    private static String betweenWords(String text, Random rnd, String[] inserts) {
        String[] words = text.split(" ", -1);
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                out.append(rnd.nextInt(3) == 0 ? " " + inserts[rnd.nextInt(inserts.length)] + " " : " ");
            }
            out.append(words[w]);
        }
        return out.toString();
    }

    private static String reorderHashtags(String text, Random rnd) {
        List<String> tags = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String w : text.split(" ")) {
            (w.startsWith("#") ? tags : rest).add(w);
        }
        Collections.shuffle(tags, rnd);
        if (!tags.isEmpty() && rnd.nextBoolean()) {
            tags.add(tags.get(0));
        }
        List<String> all = new ArrayList<>(rest);
        all.addAll(rnd.nextBoolean() ? all.size() : 0, tags);
        return String.join(" ", all);
    }
}
