package dev.bridle.internal.optout;

/**
 * A message cut into words by {@link KeywordNormaliser}: each word as shown (folded) and as compared (its skeleton),
 * and whether it begins a new clause. Arrays, not lists, because the matcher reads them in tight loops on every inbound
 * message.
 */
public final class NormalisedMessage {

    /** The words after folding (NFKC, case folded, invisible characters removed), for showing. */
    final String[] shown;
    /** The words' confusable skeletons without diacritics, for comparing. */
    final String[] keys;
    /** Whether each word follows a clause break ({@code . , ; : ! ?} or a line break), or is the first. */
    final boolean[] clauseStart;
    /** How many words there are. */
    final int size;

    NormalisedMessage(String[] shown, String[] keys, boolean[] clauseStart, int size) {
        this.shown = shown;
        this.keys = keys;
        this.clauseStart = clauseStart;
        this.size = size;
    }

    /** The shown words from {@code from} (inclusive) to {@code to} (exclusive), joined by single spaces. */
    public String shown(int from, int to) {
        if (to - from == 1) {
            return shown[from];
        }
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                text.append(' ');
            }
            text.append(shown[i]);
        }
        return text.toString();
    }

    /** How many words there are. */
    public int size() {
        return size;
    }

    /** The comparison key of word {@code i}. */
    public String key(int i) {
        return keys[i];
    }

    /** The whole message as normalised: its shown words joined by single spaces. */
    public String text() {
        return size == 0 ? "" : shown(0, size);
    }

    /** The comparison keys from {@code from} to {@code to}, as a new array. */
    public String[] keys(int from, int to) {
        String[] part = new String[to - from];
        System.arraycopy(keys, from, part, 0, part.length);
        return part;
    }
}
