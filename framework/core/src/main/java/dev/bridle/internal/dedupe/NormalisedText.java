package dev.bridle.internal.dedupe;

import java.util.List;
import java.util.Objects;

/**
 * A text as duplicate detection sees it, from {@link ContentNormaliser}.
 *
 * @param tokens the body in order: words, numbers, links and inner mentions; no emoji, punctuation, leading mentions or
 *     hashtags
 * @param hashtags the hashtags as a sorted set, each in its skeleton form without {@code #}
 */
public record NormalisedText(List<Token> tokens, List<String> hashtags) {

    public NormalisedText {
        tokens = List.copyOf(tokens);
        hashtags = List.copyOf(hashtags);
    }

    /**
     * The canonical form two texts must share to be exact duplicates: the tokens joined by one space, then the
     * hashtags. For comparison only; skeletons are not for showing.
     */
    public String canonical() {
        StringBuilder out = new StringBuilder();
        for (Token token : tokens) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(token.text());
        }
        for (String tag : hashtags) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append('#').append(tag);
        }
        return out.toString();
    }

    /** Whether nothing comparable is left (an empty or all-punctuation text). */
    public boolean isEmpty() {
        return tokens.isEmpty() && hashtags.isEmpty();
    }

    @Override
    public String toString() {
        return Objects.toString(canonical());
    }
}
