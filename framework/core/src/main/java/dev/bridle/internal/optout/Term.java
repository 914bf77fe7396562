package dev.bridle.internal.optout;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the keyword file after expansion and normalisation: a keyword, filler, phrase, ordinary phrase or
 * negation, and every language that lists it. The same words listed by two languages ({@code stop} in en and fr) make
 * one term with both.
 */
final class Term {

    /** What an entry is for. */
    enum Kind {
        OPT_OUT("opt_out"),
        OPT_IN("opt_in"),
        HELP("help"),
        FILLER("filler"),
        PHRASE("phrases"),
        ORDINARY("ordinary"),
        NEGATION("negations");

        final String key;

        Kind(String key) {
            this.key = key;
        }

        boolean isKeyword() {
            return this == OPT_OUT || this == OPT_IN || this == HELP;
        }
    }

    final Kind kind;
    /** The words as written in the file, folded and joined by spaces: what rule ids show. */
    final String display;
    /** The comparison keys of the words. */
    final String[] keys;
    /** Where it was first listed, for messages about conflicts. */
    final int line;

    private final List<String> languages = new ArrayList<>(2);
    private long languageMask;
    /** For opt-out keywords: true while every language lists it under {@code opt_out_alone}. */
    private boolean aloneOnly;

    Term(Kind kind, String display, String[] keys, int line, boolean aloneOnly) {
        this.kind = kind;
        this.display = display;
        this.keys = keys;
        this.line = line;
        this.aloneOnly = aloneOnly;
    }

    /** Adds a language that lists this entry; {@code index} is its position in the file. */
    void listedBy(String language, int index, boolean alone) {
        if (!languages.contains(language)) {
            languages.add(language);
            languageMask |= 1L << index;
        }
        aloneOnly &= alone;
    }

    /** The languages listing this entry, in file order. */
    List<String> languages() {
        return languages;
    }

    /** Each listing language's file position as a bit. */
    long languageMask() {
        return languageMask;
    }

    /** Whether this opt-out keyword counts only when it is the whole message. */
    boolean aloneOnly() {
        return aloneOnly;
    }

    /** The rule id for a message that fired this entry in {@code language}: {@code en.opt_out.keyword:stop}. */
    String rule(String language) {
        return switch (kind) {
            case OPT_OUT, OPT_IN, HELP -> language + '.' + kind.key + ".keyword:" + display;
            case PHRASE -> language + ".opt_out.phrase:" + display;
            case ORDINARY -> language + ".ordinary:" + display;
            case NEGATION -> language + ".negation:" + display;
            case FILLER -> language + ".filler:" + display;
        };
    }

    @Override
    public String toString() {
        return kind.key + ":" + display + languages;
    }
}
