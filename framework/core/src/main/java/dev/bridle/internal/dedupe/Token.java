package dev.bridle.internal.dedupe;

import java.util.Objects;

/**
 * One unit of normalised text: a word in its folded confusable skeleton, a number, a link in its canonical form, an
 * inner mention, or an emoji when the text has nothing else.
 *
 * @param text the comparison form (never shown to people: skeletons are for comparing only)
 * @param kind what the token is; decides its weight in the near-duplicate score
 */
public record Token(String text, Kind kind) {

    /** What a token is. */
    public enum Kind {
        /** An ordinary word. */
        WORD,
        /** A very common word (the, and, for ...), weighted low. */
        STOPWORD,
        /** A word holding a digit: a version, a date, a time, a score, a price. Facts weigh more. */
        NUMBER,
        /** A capitalised word inside a sentence: a place, team or product name. Names are facts too. */
        NAME,
        /** An @mention after the start of the text, as {@code @handle}. */
        MENTION,
        /** A link, as {@code link:host/path}, or {@code link:short} for a URL shortener. */
        LINK,
        /** An emoji; only kept when the text is nothing but emoji. */
        EMOJI
    }

    public Token {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
