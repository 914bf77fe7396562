package dev.bridle.internal.watch;

import dev.bridle.internal.sensitive.PhraseIndex;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The terms a watch rule is judged by: words and phrases of sensitive events, of sensitive groups and of service
 * measurement, per language, and the operator's exceptions, each with the reason it was granted: phrases whose words
 * are not read as terms ({@code union berlin}), and accounts a query may follow alone (the bot's own). Built by the
 * term file reader; immutable.
 */
public final class WatchTerms {

    /** What a term carries: its category and the language that lists it. */
    public record Term(WatchCategory category, String language) {}

    private final PhraseIndex<Term> terms;
    private final PhraseIndex<String> exceptions;
    private final Map<String, String> handles;
    private final List<String> languages;
    private final String source;
    private final String version;

    private WatchTerms(Builder b, String source, String version) {
        this.terms = b.terms;
        this.exceptions = b.exceptions;
        this.handles = Map.copyOf(b.handles);
        this.languages = List.copyOf(b.languages);
        this.source = source;
        this.version = version;
    }

    /** A builder for new terms. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with everything in {@code base}. */
    public static Builder extending(WatchTerms base) {
        Builder b = new Builder();
        base.terms.entries().forEach(e -> b.terms.add(e.display(), e.value()));
        base.exceptions.entries().forEach(e -> b.exceptions.add(e.display(), e.value()));
        b.handles.putAll(base.handles);
        b.languages.addAll(base.languages);
        return b;
    }

    PhraseIndex<Term> terms() {
        return terms;
    }

    PhraseIndex<String> exceptions() {
        return exceptions;
    }

    /** The reason an account may be followed alone, or null. */
    String handleReason(String handle) {
        return handles.get(handle.toLowerCase(Locale.ROOT));
    }

    /** Where they were read from. */
    public String source() {
        return source;
    }

    /** Which file it was: the first 12 hex digits of its SHA-256. */
    public String version() {
        return version;
    }

    /** One line: languages, terms of each category, exceptions. */
    public String summary() {
        Map<WatchCategory, Integer> counts = new LinkedHashMap<>();
        terms.entries().forEach(e -> counts.merge(e.value().category(), 1, Integer::sum));
        StringBuilder s = new StringBuilder(languages.size() + " languages (" + String.join(", ", languages) + ")");
        for (WatchCategory c : WatchCategory.values()) {
            s.append("; ").append(c.code()).append(' ').append(counts.getOrDefault(c, 0));
        }
        return s.append("; ")
                .append(exceptions.size())
                .append(" exceptions, ")
                .append(handles.size())
                .append(" accounts")
                .toString();
    }

    /** Collects terms; each method returns what is wrong with the entry, so the reader can report it with its line. */
    public static final class Builder {
        private final PhraseIndex<Term> terms = new PhraseIndex<>();
        private final PhraseIndex<String> exceptions = new PhraseIndex<>();
        private final Map<String, String> handles = new LinkedHashMap<>();
        private final Set<String> languages = new LinkedHashSet<>();

        private Builder() {}

        /** Adds a term; {@link WatchCategory#PROFILING} has no terms (it is about the query's shape). */
        public Optional<String> term(WatchCategory category, String language, String entry) {
            if (category == WatchCategory.PROFILING) {
                return Optional.of("profiling has no terms: a query is profiling by its shape (accounts only)");
            }
            languages.add(language);
            return terms.add(entry, new Term(category, language));
        }

        /** Adds an exception phrase with the reason it was granted. */
        public Optional<String> exception(String entry, String reason) {
            if (reason == null || reason.isBlank()) {
                return Optional.of("an exception needs a reason: why these words do not track what the terms forbid");
            }
            return exceptions.add(entry, reason.strip());
        }

        /** Lets a query follow {@code handle} (without {@code @}) alone, for the reason given. */
        public Optional<String> account(String handle, String reason) {
            if (reason == null || reason.isBlank()) {
                return Optional.of("an exception needs a reason: why this account may be followed");
            }
            String h = handle.startsWith("@") ? handle.substring(1) : handle;
            if (!h.matches("[A-Za-z0-9_]{1,15}")) {
                return Optional.of("not an X handle; expected 1 to 15 letters, digits or _");
            }
            handles.put(h.toLowerCase(Locale.ROOT), reason.strip());
            return Optional.empty();
        }

        /** Removes a shipped term or exception phrase. */
        public Optional<String> remove(String entry) {
            boolean removed = terms.remove(entry) | exceptions.remove(entry);
            return removed ? Optional.empty() : Optional.of("no such term or exception to remove");
        }

        /** Whether any term was added. */
        public boolean hasTerms() {
            return terms.size() > 0;
        }

        /** The terms; {@code version} identifies the file. */
        public WatchTerms build(String source, String version) {
            return new WatchTerms(this, source, version);
        }
    }
}
