package dev.bridle.internal.optout;

import com.ibm.icu.text.Normalizer2;
import dev.bridle.internal.text.Folding;
import java.util.Arrays;

/**
 * Turns a message into words for keyword matching. Inbound messages and the keyword file's entries go through the same
 * steps, so whatever one side writes, the other side meets.
 *
 * <ol>
 *   <li>{@link Folding#fold}: NFKC, case folding, zero-width and bidi controls removed.
 *   <li>@mentions are dropped wherever they are (the leading ones are the reply prefix, the others address people;
 *       neither says anything about opting out), and so are links.
 *   <li>Words are runs of letters, digits and combining marks; everything else (spaces, punctuation, emoji, symbols)
 *       separates them. {@code . , ; : ! ?} and line breaks also end a clause, which limits how far a negation reaches.
 *   <li>An apostrophe inside a word joins it ({@code don't} is {@code dont}, {@code I'm} is {@code im}, as people also
 *       type them) unless one or two letters come before it and three or more after: then it is a French or Italian
 *       elision and splits ({@code m'écrire} is {@code m écrire}, {@code l'arrêt} is {@code l arrêt}).
 *   <li>Three or more one-letter words in a row are joined: {@code S.T.O.P} is {@code stop}.
 *   <li>Each word's comparison key is its {@link Folding#skeleton} with the general diacritics removed, so Cyrillic
 *       {@code ѕтор}, fullwidth {@code ｓｔｏｐ} and {@code st0p} all meet {@code stop}, and {@code arret} meets
 *       {@code arrêt}.
 * </ol>
 *
 * Plain-ASCII text takes a fast path that gives the same result without calling ICU (a property test checks they
 * agree).
 */
public final class KeywordNormaliser {

    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    /** The skeleton of each ASCII letter and digit (a few differ: {@code 0→o, 1→l, m→rn}). */
    private static final String[] ASCII_KEYS = asciiKeys();

    private static final int MIN_SPELLED_OUT = 3;
    /** An elided article or pronoun ({@code l'}, {@code m'}, {@code qu'}) has at most two letters... */
    private static final int MAX_ELISION = 2;
    /** ...and the word it joins at least three; English endings ({@code 't}, {@code 'm}, {@code 're}) have fewer. */
    private static final int MIN_ELIDED = 3;

    private KeywordNormaliser() {}

    /** The message's words; an empty message, or one of only mentions, links and emoji, has none. */
    public static NormalisedMessage normalise(CharSequence message) {
        String folded = fold(message);
        Words words = new Words(Math.max(4, folded.length() / 4));
        split(folded, words);
        words.joinSpelledOut();
        String[] keys = new String[words.size];
        for (int i = 0; i < words.size; i++) {
            keys[i] = key(words.shown[i]);
        }
        return new NormalisedMessage(words.shown, keys, words.clauseStart, words.size);
    }

    /** {@link Folding#fold}, without calling ICU for plain ASCII. */
    static String fold(CharSequence text) {
        return isAscii(text) ? asciiLower(text) : Folding.fold(text);
    }

    /** The comparison key of one folded word. */
    public static String key(String word) {
        if (isAscii(word)) {
            return asciiKey(word);
        }
        String skeleton = Folding.skeleton(word);
        return isAscii(skeleton) ? skeleton : withoutDiacritics(skeleton);
    }

    private static void split(String text, Words words) {
        StringBuilder word = new StringBuilder();
        boolean clauseBreak = true;
        int i = 0;
        int length = text.length();
        while (i < length) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isApostrophe(cp)) {
                // Inside a word it joins or splits it; anywhere else it is punctuation.
                int after = wordLength(text, i + width);
                boolean elision = word.codePointCount(0, word.length()) <= MAX_ELISION && after >= MIN_ELIDED;
                if (word.length() > 0 && (after == 0 || elision)) {
                    words.add(word, clauseBreak);
                    clauseBreak = false;
                }
                i += width;
            } else if (isWordChar(cp)) {
                if (word.length() == 0 && isLink(text, i)) {
                    i = skipToSpace(text, i);
                    continue;
                }
                word.appendCodePoint(cp);
                i += width;
            } else if (cp == '@' && word.length() == 0 && i + 1 < length && isHandleChar(text.charAt(i + 1))) {
                i++;
                while (i < length && isHandleChar(text.charAt(i))) {
                    i++;
                }
            } else {
                if (word.length() > 0) {
                    words.add(word, clauseBreak);
                    clauseBreak = false;
                }
                clauseBreak |= isClauseBreak(cp);
                i += width;
            }
        }
        if (word.length() > 0) {
            words.add(word, clauseBreak);
        }
    }

    /** How many word characters start at {@code from}. */
    private static int wordLength(String text, int from) {
        int count = 0;
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                break;
            }
            count++;
            i += Character.charCount(cp);
        }
        return count;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '`' || cp == '\u2032';
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z');
    }

    private static boolean isClauseBreak(int cp) {
        return switch (cp) {
            case '.', ',', ';', ':', '!', '?', '\n', '\r', '\u00A1', '\u00BF', '\u2026', '\u3002', '\u3001' -> true;
            default -> false;
        };
    }

    private static boolean isLink(String text, int at) {
        return text.startsWith("http://", at) || text.startsWith("https://", at) || text.startsWith("www.", at);
    }

    private static int skipToSpace(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** What {@link Folding#fold} gives for ASCII: ASCII has nothing to compose or remove, only case. */
    private static String asciiLower(CharSequence text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            char c = text.charAt(i);
            chars[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(chars);
    }

    /** The skeleton of an ASCII word: skeletons map code point by code point, so a table does it. */
    private static String asciiKey(String word) {
        boolean same = true;
        for (int i = 0; i < word.length() && same; i++) {
            String key = ASCII_KEYS[word.charAt(i)];
            same = key != null && key.length() == 1 && key.charAt(0) == word.charAt(i);
        }
        if (same) {
            return word;
        }
        StringBuilder key = new StringBuilder(word.length() + 2);
        for (int i = 0; i < word.length(); i++) {
            String mapped = ASCII_KEYS[word.charAt(i)];
            key.append(mapped == null ? Folding.skeleton(String.valueOf(word.charAt(i))) : mapped);
        }
        return key.toString();
    }

    private static String[] asciiKeys() {
        String[] keys = new String[0x80];
        for (char c = '0'; c <= 'z'; c++) {
            if (Character.isLetterOrDigit(c) && !Character.isUpperCase(c)) {
                keys[c] = Folding.skeleton(String.valueOf(c));
            }
        }
        return keys;
    }

    /**
     * The text without the general-purpose combining diacritics (accents, cedillas, tildes), which people leave out
     * when typing fast. Script-specific marks (Indic vowel signs) stay.
     */
    private static String withoutDiacritics(String text) {
        String decomposed = NFD.normalize(text);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !isDiacritic(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isDiacritic(int cp) {
        return (cp >= 0x0300 && cp <= 0x036F)
                || (cp >= 0x1AB0 && cp <= 0x1AFF)
                || (cp >= 0x1DC0 && cp <= 0x1DFF)
                || (cp >= 0x20D0 && cp <= 0x20FF)
                || (cp >= 0xFE20 && cp <= 0xFE2F);
    }

    /** The words found so far; grows like a list without boxing. */
    private static final class Words {
        String[] shown;
        boolean[] clauseStart;
        int size;

        Words(int capacity) {
            shown = new String[capacity];
            clauseStart = new boolean[capacity];
        }

        void add(StringBuilder word, boolean startsClause) {
            if (size == shown.length) {
                shown = Arrays.copyOf(shown, size * 2);
                clauseStart = Arrays.copyOf(clauseStart, size * 2);
            }
            shown[size] = word.toString();
            clauseStart[size] = startsClause;
            size++;
            word.setLength(0);
        }

        /** Joins runs of one-letter words ({@code s t o p}, {@code S.T.O.P.}) into one word. */
        void joinSpelledOut() {
            int out = 0;
            int i = 0;
            while (i < size) {
                int end = i;
                while (end < size && shown[end].codePointCount(0, shown[end].length()) == 1) {
                    end++;
                }
                if (end - i >= MIN_SPELLED_OUT) {
                    StringBuilder joined = new StringBuilder();
                    for (int j = i; j < end; j++) {
                        joined.append(shown[j]);
                    }
                    shown[out] = joined.toString();
                    clauseStart[out] = clauseStart[i];
                    out++;
                    i = end;
                } else {
                    shown[out] = shown[i];
                    clauseStart[out] = clauseStart[i];
                    out++;
                    i++;
                }
            }
            size = out;
        }
    }
}
