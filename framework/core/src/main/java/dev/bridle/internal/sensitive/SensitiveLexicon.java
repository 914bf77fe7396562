package dev.bridle.internal.sensitive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The terms that put a fact about a person in a restricted category, and the exceptions that take ordinary phrases out
 * again. Three lists:
 *
 * <ul>
 *   <li><b>key terms</b>: a fact whose key names a category ({@code religion}, {@code diagnosis}, {@code Partei}) is in
 *       it whatever its value, because storing "religion: none" still records a belief;
 *   <li><b>value terms</b>: words and phrases in a value that state or imply the attribute ({@code diabetic},
 *       {@code bankrupt}, {@code shop steward}), per language;
 *   <li><b>name keys</b>: keys whose value is a name ({@code first name}, {@code display name}): "Christian" there is a
 *       name, not a faith, so such a value is not read for terms (the key is still checked);
 *   <li><b>exceptions</b>: phrases whose words are never read as terms ({@code union berlin}, {@code crime novels},
 *       {@code health tech}): an interest in a topic, an employer or a team is not an attribute of the person.
 * </ul>
 *
 * Built by a term file reader, which reports the problems {@link Builder} finds with their lines. Immutable.
 */
public final class SensitiveLexicon {

    /** What a term carries: its category and the language that lists it. */
    public record Term(SensitiveCategory category, String language) {}

    private final PhraseIndex<Term> keyTerms;
    private final PhraseIndex<Term> valueTerms;
    private final PhraseIndex<String> exceptions;
    private final PhraseIndex<String> nameKeys;
    private final String source;
    private final String version;
    private final List<String> languages;

    private SensitiveLexicon(Builder b, String source, String version) {
        this.keyTerms = b.keyTerms;
        this.valueTerms = b.valueTerms;
        this.exceptions = b.exceptions;
        this.nameKeys = b.nameKeys;
        this.source = source;
        this.version = version;
        this.languages = List.copyOf(b.languages);
    }

    /** A builder for a new lexicon. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with everything in {@code base}, for a file that extends another. */
    public static Builder extending(SensitiveLexicon base) {
        Builder b = new Builder();
        base.keyTerms.entries().forEach(e -> b.keyTerms.add(written(e), e.value()));
        base.valueTerms.entries().forEach(e -> b.valueTerms.add(written(e), e.value()));
        base.exceptions.entries().forEach(e -> b.exceptions.add(written(e), e.value()));
        base.nameKeys.entries().forEach(e -> b.nameKeys.add(written(e), e.value()));
        b.languages.addAll(base.languages);
        return b;
    }

    private static String written(PhraseIndex.Entry<?> e) {
        return e.display();
    }

    PhraseIndex<Term> keyTerms() {
        return keyTerms;
    }

    PhraseIndex<Term> valueTerms() {
        return valueTerms;
    }

    PhraseIndex<String> exceptions() {
        return exceptions;
    }

    PhraseIndex<String> nameKeys() {
        return nameKeys;
    }

    /** Where it was read from. */
    public String source() {
        return source;
    }

    /** Which file it was: the first 12 hex digits of its SHA-256. */
    public String version() {
        return version;
    }

    /** The languages that list value terms or exceptions, in file order. */
    public List<String> languages() {
        return languages;
    }

    /** One line: the languages and how many terms of each category. */
    public String summary() {
        Map<SensitiveCategory, Integer> counts = new EnumMap<>(SensitiveCategory.class);
        for (PhraseIndex.Entry<Term> e : valueTerms.entries()) {
            counts.merge(e.value().category(), 1, Integer::sum);
        }
        for (PhraseIndex.Entry<Term> e : keyTerms.entries()) {
            counts.merge(e.value().category(), 1, Integer::sum);
        }
        return languages.size() + " languages (" + String.join(", ", languages) + "); "
                + counts.entrySet().stream()
                        .map(e -> e.getKey().code() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + "; " + exceptions.size() + " exceptions";
    }

    /** Collects terms; says what is wrong with an entry so the reader can report it with its line. */
    public static final class Builder {
        private final PhraseIndex<Term> keyTerms = new PhraseIndex<>();
        private final PhraseIndex<Term> valueTerms = new PhraseIndex<>();
        private final PhraseIndex<String> exceptions = new PhraseIndex<>();
        private final PhraseIndex<String> nameKeys = new PhraseIndex<>();
        private final Set<String> languages = new LinkedHashSet<>();

        private Builder() {}

        /** Adds a key term of {@code category}; returns the problem, if any. */
        public Optional<String> keyTerm(SensitiveCategory category, String entry) {
            return keyTerms.add(entry, new Term(Objects.requireNonNull(category), "und"));
        }

        /** Adds a value term of {@code category} in {@code language}; returns the problem, if any. */
        public Optional<String> valueTerm(SensitiveCategory category, String language, String entry) {
            languages.add(language);
            return valueTerms.add(entry, new Term(Objects.requireNonNull(category), language));
        }

        /** Adds an exception phrase in {@code language}; returns the problem, if any. */
        public Optional<String> exception(String language, String entry) {
            languages.add(language);
            return exceptions.add(entry, language);
        }

        /** Adds a key whose value is a name ({@code first name}): a name is not read for terms. */
        public Optional<String> nameKey(String entry) {
            return nameKeys.add(entry, "name");
        }

        /** Removes a term or exception the base lexicon had; returns the problem when there was none. */
        public Optional<String> remove(String entry) {
            boolean removed = valueTerms.remove(entry) | keyTerms.remove(entry) | exceptions.remove(entry);
            return removed ? Optional.empty() : Optional.of("no such term or exception to remove");
        }

        /** The lexicon; {@code version} identifies the file (its digest). */
        public SensitiveLexicon build(String source, String version) {
            if (keyTerms.size() + valueTerms.size() == 0) {
                throw new IllegalStateException("a lexicon without terms refuses nothing");
            }
            return new SensitiveLexicon(this, source, version);
        }

        /** Whether any term has been added (a lexicon needs one). */
        public boolean hasTerms() {
            return keyTerms.size() + valueTerms.size() > 0;
        }

        /** The categories that have no term yet, for the reader's "every category needs a term" check. */
        public List<SensitiveCategory> categoriesWithoutTerms() {
            Set<SensitiveCategory> seen = new LinkedHashSet<>();
            keyTerms.entries().forEach(e -> seen.add(e.value().category()));
            valueTerms.entries().forEach(e -> seen.add(e.value().category()));
            List<SensitiveCategory> missing = new ArrayList<>();
            for (SensitiveCategory c : SensitiveCategory.values()) {
                if (!seen.contains(c)) {
                    missing.add(c);
                }
            }
            return missing;
        }
    }
}
