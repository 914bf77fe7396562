package dev.bridle.internal.optout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The opt-out, opt-in and help keywords of one keyword file, checked and compiled for matching. Immutable and safe to
 * share between threads; a changed file gives a new {@code KeywordSet} (see {@link KeywordFile}). Classify messages
 * with {@link KeywordMatcher#of(KeywordSet)}.
 *
 * <pre>{@code
 * KeywordSet keywords = KeywordSet.load(Path.of("config/optout-keywords.yaml"));
 * Classification c = KeywordMatcher.of(keywords).classify("STOP please");
 * // c.messageClass() == OPT_OUT, c.rule() == "en.opt_out.keyword:stop"
 * }</pre>
 */
public final class KeywordSet {

    /** Where the shipped defaults ({@code config/optout-keywords.yaml}) are on the class path. */
    public static final String DEFAULTS_RESOURCE = "/dev/bridle/optout/optout-keywords.yaml";

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

    /**
     * Reads a keyword file from text.
     *
     * @param yaml the file's content
     * @param source the file's name, for problems and {@link #source()}
     * @throws KeywordFileException with every problem and its line when the file cannot be used
     */
    public static KeywordSet parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return KeywordFileReader.read(yaml, source);
    }

    /**
     * Reads a keyword file.
     *
     * @throws KeywordFileException when it cannot be read (a problem without a line) or is invalid
     */
    public static KeywordSet load(Path file) {
        return parse(read(file), file.toString());
    }

    /** The keywords shipped with Bridle: {@code config/optout-keywords.yaml} as released. */
    public static KeywordSet defaults() {
        try (InputStream in = KeywordSet.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the shipped keyword file " + DEFAULTS_RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULTS_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or a {@link KeywordFileException} saying why it cannot be read. */
    static String read(Path file) {
        return KeywordFileReader.text(file);
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

    @Override
    public String toString() {
        return "KeywordSet[" + source + " @" + version + ": " + summary + "]";
    }
}
