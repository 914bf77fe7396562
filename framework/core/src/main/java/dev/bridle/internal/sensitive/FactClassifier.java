package dev.bridle.internal.sensitive;

import dev.bridle.internal.optout.KeywordNormaliser;
import dev.bridle.internal.optout.NormalisedMessage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a fact about a person ({@code key}, {@code value}) is in a restricted category, which the developer
 * terms forbid deriving, inferring or storing. The rule it applies:
 *
 * <ol>
 *   <li>Key and value are cut into words as opt-out keywords are ({@link KeywordNormaliser}: case, width, accents,
 *       invisible characters and look-alike letters do not matter); a key's {@code camelCase}, {@code snake_case} and
 *       {@code kebab-case} parts are words.
 *   <li>A key that names a category ({@code religion}, {@code health_condition}) puts the fact in it, whatever the
 *       value: "religion: none" still records a belief.
 *   <li>A key that is a name key ({@code first_name}) holds a name, which is not read for terms.
 *   <li>Otherwise the words of the exceptions ({@code union berlin}, {@code crime novels}) are set aside, and the first
 *       value term found among the rest decides. A negated statement ("not pregnant", "no criminal record") is still
 *       information about the category, so it is refused too.
 *   <li>When terms of several categories are found, the category with the most hits decides (ties: the first found);
 *       every term found is reported.
 * </ol>
 *
 * An interest in a topic ("reads about politics", "follows health-tech startups") is not an attribute of the person,
 * and topic words are not terms; a word that states an affiliation, condition or status ("democrat", "diabetic",
 * "bankrupt") is, even in an interest ("likes the Democratic Party" infers a political belief). Thread-safe.
 */
public final class FactClassifier {

    private final SensitiveLexicon lexicon;

    /** Classifies with {@code lexicon}. */
    public FactClassifier(SensitiveLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** The lexicon in use. */
    public SensitiveLexicon lexicon() {
        return lexicon;
    }

    /** The verdict for a fact. */
    public FactVerdict classify(CharSequence key, CharSequence value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        NormalisedMessage keyWords = KeywordNormaliser.normalise(splitIdentifier(key));
        List<PhraseIndex.Hit<SensitiveLexicon.Term>> keyHits =
                lexicon.keyTerms().find(keyWords, lexicon.exceptions().cover(keyWords));
        if (!keyHits.isEmpty()) {
            return verdict(keyHits, "key:");
        }
        if (isNameKey(keyWords)) {
            return FactVerdict.ALLOWED;
        }
        return classifyText(value);
    }

    /** The verdict for free text on its own (a value, a derived label, a search term): value terms only. */
    public FactVerdict classifyText(CharSequence text) {
        NormalisedMessage words = KeywordNormaliser.normalise(text);
        List<PhraseIndex.Hit<SensitiveLexicon.Term>> hits =
                lexicon.valueTerms().find(words, lexicon.exceptions().cover(words));
        return hits.isEmpty() ? FactVerdict.ALLOWED : verdict(hits, "");
    }

    /** Whether the whole key is one of the lexicon's name keys. */
    private boolean isNameKey(NormalisedMessage keyWords) {
        List<PhraseIndex.Hit<String>> hits = lexicon.nameKeys().find(keyWords, null);
        return hits.size() == 1 && hits.get(0).start() == 0 && hits.get(0).length() == keyWords.size();
    }

    private static FactVerdict verdict(List<PhraseIndex.Hit<SensitiveLexicon.Term>> hits, String prefix) {
        Map<SensitiveCategory, Integer> counts = new EnumMap<>(SensitiveCategory.class);
        SensitiveCategory best = null;
        List<String> terms = new ArrayList<>();
        for (PhraseIndex.Hit<SensitiveLexicon.Term> hit : hits) {
            SensitiveCategory c = hit.entry().value().category();
            int count = counts.merge(c, 1, Integer::sum);
            if (best == null || count > counts.get(best)) {
                best = c;
            }
            String term = prefix + hit.entry().display();
            if (!terms.contains(term)) {
                terms.add(term);
            }
        }
        return new FactVerdict(Optional.of(best), terms);
    }

    /** {@code sexualOrientation} as {@code sexual Orientation}; separators are not word characters anyway. */
    static String splitIdentifier(CharSequence key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(key.charAt(i - 1))) {
                out.append(' ');
            }
            out.append(c);
        }
        return out.toString();
    }
}
