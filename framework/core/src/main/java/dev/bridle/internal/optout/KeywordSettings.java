package dev.bridle.internal.optout;

/**
 * The {@code settings:} block of the keyword file.
 *
 * @param phrases whether natural-language phrases ("leave me alone") opt out
 * @param fuzzy whether near misses of opt-out keywords ({@code stpo}) are {@link MessageClass#AMBIGUOUS}
 * @param partialMaxWords the most words (fillers not counted) a message may have for a keyword at its start or end to
 *     make it {@link MessageClass#AMBIGUOUS}; longer ones are ordinary sentences
 * @param phraseMaxWords the most words a message may have for a phrase in it to count
 * @param defaultLanguage the language whose replies are used when a message's language has none, and which wins when a
 *     keyword is listed by several languages and nothing else tells them apart
 */
public record KeywordSettings(
        boolean phrases, boolean fuzzy, int partialMaxWords, int phraseMaxWords, String defaultLanguage) {

    public KeywordSettings {
        java.util.Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        if (partialMaxWords < 1 || phraseMaxWords < 1) {
            throw new IllegalArgumentException(
                    "word limits must be at least 1: " + partialMaxWords + ", " + phraseMaxWords);
        }
    }

    /** Default for {@link #phrases()}: on. */
    public static final boolean DEFAULT_PHRASES = true;
    /** Default for {@link #fuzzy()}: on. */
    public static final boolean DEFAULT_FUZZY = true;
    /** Default for {@link #partialMaxWords()}. */
    public static final int DEFAULT_PARTIAL_MAX_WORDS = 6;
    /** Default for {@link #phraseMaxWords()}: a tweet's worth. */
    public static final int DEFAULT_PHRASE_MAX_WORDS = 60;
    /** Default for {@link #defaultLanguage()}. */
    public static final String DEFAULT_LANGUAGE = "en";
}
