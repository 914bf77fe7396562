package dev.bridle.internal.optout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The opt-out, opt-in and help keywords of one keyword file, checked and compiled for matching. Immutable and safe to
 * share between threads; a changed file gives a new {@code KeywordSet}. Classify messages with
 * {@link KeywordMatcher#of(KeywordSet)}. The keyword file's reader (in the configuration) builds one entry at a time
 * with {@link #builder()}, which owns what an entry means: how it expands, normalises and may conflict.
 *
 * <pre>{@code
 * KeywordSet keywords = KeywordFileReader.load(Path.of("config/optout-keywords.yaml"));
 * Classification c = KeywordMatcher.of(keywords).classify("STOP please");
 * // c.messageClass() == OPT_OUT, c.rule() == "en.opt_out.keyword:stop"
 * }</pre>
 */
public final class KeywordSet {

    private final String source;
    private final String version;
    private final KeywordSettings settings;
    private final List<String> languages;
    private final Map<String, Replies> replies;

    /** Opt-out, opt-in and help keywords and fillers, for reading whole messages. */
    final TokenTrie<Term> words;
    /** Opt-out keywords that count inside a message (not the {@code opt_out_alone} ones). */
    final TokenTrie<Term> optOutInside;

    final TokenTrie<Term> phrases;
    final TokenTrie<Term> ordinary;
    /** Negations with their words reversed, walked backwards from a keyword. */
    final TokenTrie<Term> negationsReversed;
    /** Every opt-out keyword, in file order, for near misses. */
    final Term[] optOutTerms;

    final int longestOptOut;
    private final String summary;

    KeywordSet(
            String source,
            String version,
            KeywordSettings settings,
            List<String> languages,
            Map<String, Replies> replies,
            Collection<Term> words,
            Collection<Term> phrases,
            Collection<Term> ordinary,
            Collection<Term> negations) {
        this.source = source;
        this.version = version;
        this.settings = settings;
        this.languages = List.copyOf(languages);
        this.replies = Map.copyOf(replies);
        TokenTrie.Builder<Term> all = new TokenTrie.Builder<>();
        TokenTrie.Builder<Term> inside = new TokenTrie.Builder<>();
        List<Term> optOut = new ArrayList<>();
        int[] counts = new int[Term.Kind.values().length];
        for (Term term : words) {
            all.putIfAbsent(term.keys, term);
            if (term.kind == Term.Kind.OPT_OUT) {
                optOut.add(term);
                if (!term.aloneOnly()) {
                    inside.putIfAbsent(term.keys, term);
                }
            }
            counts[term.kind.ordinal()]++;
        }
        this.words = all.build();
        this.optOutInside = inside.build();
        this.optOutTerms = optOut.toArray(new Term[0]);
        this.longestOptOut = optOut.stream().mapToInt(t -> t.keys.length).max().orElse(0);
        this.phrases = trie(phrases, false);
        this.ordinary = trie(ordinary, false);
        this.negationsReversed = trie(negations, true);
        this.summary = this.languages.size() + " languages (" + String.join(", ", this.languages) + "), "
                + counts[Term.Kind.OPT_OUT.ordinal()] + " opt-out, " + counts[Term.Kind.OPT_IN.ordinal()]
                + " opt-in and "
                + counts[Term.Kind.HELP.ordinal()] + " help keywords, " + phrases.size() + " phrases, "
                + counts[Term.Kind.FILLER.ordinal()] + " fillers, " + negations.size() + " negations, "
                + ordinary.size() + " ordinary phrases";
    }

    private static TokenTrie<Term> trie(Collection<Term> terms, boolean reversed) {
        TokenTrie.Builder<Term> builder = new TokenTrie.Builder<>();
        for (Term term : terms) {
            String[] keys = term.keys;
            if (reversed) {
                keys = new String[term.keys.length];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = term.keys[term.keys.length - 1 - i];
                }
            }
            builder.putIfAbsent(keys, term);
        }
        return builder.build();
    }

    /** Where the keywords were read from. */
    public String source() {
        return source;
    }

    /** The first 12 hex digits of the file's SHA-256, to record which keywords classified a message. */
    public String version() {
        return version;
    }

    /** The {@code settings:} block. */
    public KeywordSettings settings() {
        return settings;
    }

    /** The languages, in file order. */
    public List<String> languages() {
        return languages;
    }

    /**
     * The replies for {@code language}; a language without a block, or with some replies missing, gets the default
     * language's.
     */
    public Replies replies(String language) {
        Replies own = replies.get(language);
        return own != null ? own : replies.get(settings.defaultLanguage());
    }

    /** One line saying what the file holds, for {@code bridle keywords check} and reload logs. */
    public String summary() {
        return summary;
    }

    /** A builder for the entries of one keyword file, in file order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The keywords of one file, entry by entry, as its reader finds them. Each step returns the problems it found, as
     * sentences without a place: the reader knows the line and the path, this knows what an entry means. Not for
     * several threads.
     */
    public static final class Builder {

        /** The lists a language's block may hold, in the order they are read. */
        public static final List<String> LIST_KEYS =
                List.of("opt_out", "opt_out_alone", "opt_in", "help", "phrases", "filler", "negations", "ordinary");

        /** The replies a language's block may hold; the default language needs all of them. */
        public static final List<String> REPLY_KEYS = List.of("opt_out", "opt_in", "help", "ambiguous");

        /** Keywords and fillers share one map: a word can only mean one thing. */
        private final Map<String, Term> words = new LinkedHashMap<>();

        private final Map<String, Term> phrases = new LinkedHashMap<>();
        private final Map<String, Term> ordinary = new LinkedHashMap<>();
        private final Map<String, Term> negations = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds {@code entry} of the list {@code key} (one of {@link #LIST_KEYS}) of {@code language}, the
         * {@code index}-th language of the file, read on {@code line}: each of its expansions, normalised.
         *
         * @return the problems, empty when the entry was added
         */
        public List<String> add(String key, String entry, String language, int index, int line) {
            if (!LIST_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "no keyword list is called " + key + "; expected one of " + LIST_KEYS);
            }
            List<String> expansions;
            try {
                expansions = EntryPattern.expand(entry);
            } catch (IllegalArgumentException e) {
                return List.of("\"" + entry + "\": " + e.getMessage());
            }
            List<String> problems = new ArrayList<>();
            for (String expansion : expansions) {
                addOne(key, expansion, language, index, line).ifPresent(problems::add);
            }
            return problems;
        }

        private Optional<String> addOne(String key, String text, String language, int index, int line) {
            NormalisedMessage normalised = KeywordNormaliser.normalise(text);
            if (normalised.size == 0) {
                return Optional.of("\"" + text + "\" has no words left after normalisation (mentions, links, emoji and"
                        + " punctuation are ignored); expected at least one word");
            }
            String[] keys = normalised.keys(0, normalised.size);
            String display = normalised.text();
            boolean alone = key.equals("opt_out_alone");
            Term.Kind kind = switch (key) {
                case "opt_out", "opt_out_alone" -> Term.Kind.OPT_OUT;
                case "opt_in" -> Term.Kind.OPT_IN;
                case "help" -> Term.Kind.HELP;
                case "filler" -> Term.Kind.FILLER;
                case "phrases" -> Term.Kind.PHRASE;
                case "ordinary" -> Term.Kind.ORDINARY;
                default -> Term.Kind.NEGATION;
            };
            Map<String, Term> into = switch (kind) {
                case PHRASE -> phrases;
                case ORDINARY -> ordinary;
                case NEGATION -> negations;
                default -> words;
            };
            String joined = String.join(" ", keys);
            Term term = into.computeIfAbsent(joined, k -> new Term(kind, display, keys, line, alone));
            if (term.kind != kind) {
                return Optional.of("\"" + display + "\" is " + describe(kind) + " here, but "
                        + String.join(", ", term.languages())
                        + (term.languages().size() == 1 ? " lists" : " list") + " it as " + describe(term.kind)
                        + " on line "
                        + term.line + "; a word can mean one thing only");
            }
            if (kind == Term.Kind.ORDINARY
                    && words.get(joined) != null
                    && words.get(joined).kind == Term.Kind.OPT_OUT) {
                return Optional.of("\"" + display + "\" is exactly an opt-out keyword; an ordinary entry must add the"
                        + " words around it that make it ordinary, like \"stop by\"");
            }
            term.listedBy(language, index, alone);
            return Optional.empty();
        }

        private static String describe(Term.Kind kind) {
            return switch (kind) {
                case OPT_OUT -> "an opt_out keyword";
                case OPT_IN -> "an opt_in keyword";
                case HELP -> "a help keyword";
                case FILLER -> "filler";
                default -> kind.key;
            };
        }

        /** What is wrong with {@code text} as the reply {@code key} (one of {@link #REPLY_KEYS}); empty if nothing. */
        public List<String> replyProblems(String key, String text) {
            return ReplyRules.problems(key, text);
        }

        /**
         * What is wrong with the {@code opt_out} or {@code ambiguous} reply {@code text} of {@code language}, given the
         * keywords added so far: the first must say how to opt back in, the second how to confirm the opt-out, by
         * naming one of that language's keywords (or any language's, if it lists none). Empty for another reply, or
         * when the text names one.
         */
        public Optional<String> unnamedKeyword(String key, String text, String language) {
            Term.Kind kind;
            String why;
            if (key.equals("opt_out")) {
                kind = Term.Kind.OPT_IN;
                why = "say how to opt back in";
            } else if (key.equals("ambiguous")) {
                kind = Term.Kind.OPT_OUT;
                why = "say how to confirm the opt-out";
            } else {
                return Optional.empty();
            }
            NormalisedMessage normalised = KeywordNormaliser.normalise(text);
            boolean languageHasAny = words.values().stream()
                    .anyMatch(t -> t.kind == kind && t.languages().contains(language));
            for (Term term : words.values()) {
                if (term.kind == kind
                        && (!languageHasAny || term.languages().contains(language))
                        && ReplyRules.names(normalised, term.keys)) {
                    return Optional.empty();
                }
            }
            return Optional.of(words.values().stream()
                    .filter(t -> t.kind == kind)
                    .findFirst()
                    .map(example -> "must " + why + ": name one of the " + kind.key + " keywords (like \""
                            + example.display + "\")")
                    .orElse("must " + why + ", but the file has no " + kind.key + " keywords to name; add some"));
        }

        /**
         * The keywords added, compiled.
         *
         * @param source where they were read from
         * @param version which file it was (the first 12 hex digits of its SHA-256)
         * @param replies each language's replies, the default language's filled in where a language has none
         */
        public KeywordSet build(
                String source,
                String version,
                KeywordSettings settings,
                List<String> languages,
                Map<String, Replies> replies) {
            return new KeywordSet(
                    source,
                    version,
                    settings,
                    languages,
                    replies,
                    words.values(),
                    phrases.values(),
                    ordinary.values(),
                    negations.values());
        }
    }

    @Override
    public String toString() {
        return "KeywordSet[" + source + " @" + version + ": " + summary + "]";
    }
}
