package dev.bridle.internal.optout;

/**
 * Whether a typed word is a near miss of a keyword: the typing slips Braze's fuzzy opt-out looks for, made stricter for
 * short keywords, where one edit turns them into other words.
 *
 * <ul>
 *   <li>any length: the same after collapsing repeated letters ({@code stopppp}, {@code ennnd});
 *   <li>4 to 6 letters: two neighbouring letters swapped ({@code stpo}), one letter replaced by its QWERTY neighbour
 *       ({@code stoo}), or one letter added next to a letter whose key it touches ({@code stopo});
 *   <li>7 to 9 letters: any one edit (Damerau-Levenshtein 1: {@code unsubscibe});
 *   <li>10 letters or more: any two edits ({@code unsuscrbe}).
 * </ul>
 *
 * Keywords of three letters or fewer only match by repeated letters: one edit from {@code end} is {@code and}.
 */
final class NearMiss {

    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final int MIN_EDITED = 4;
    private static final int MIN_ONE_EDIT = 7;
    private static final int MIN_TWO_EDITS = 10;

    private NearMiss() {}

    /** Whether {@code typed} (a comparison key) is a near miss of {@code keyword}; an exact match is not. */
    static boolean near(String typed, String keyword) {
        if (typed.equals(keyword)) {
            return false;
        }
        if (collapse(typed).equals(collapse(keyword))) {
            return true;
        }
        int length = keyword.length();
        if (length >= MIN_TWO_EDITS) {
            return distanceAtMost(typed, keyword, 2);
        }
        if (length >= MIN_ONE_EDIT) {
            return distanceAtMost(typed, keyword, 1);
        }
        if (length >= MIN_EDITED) {
            return swapped(typed, keyword) || neighbourReplaced(typed, keyword) || neighbourAdded(typed, keyword);
        }
        return false;
    }

    /** Whether {@code typed} starts or ends with {@code keyword} and adds at most {@code extra} characters. */
    static boolean prefixOrSuffix(String typed, String keyword, int extra) {
        return keyword.length() >= MIN_EDITED
                && typed.length() > keyword.length()
                && typed.length() <= keyword.length() + extra
                && (typed.startsWith(keyword) || typed.endsWith(keyword));
    }

    static String collapse(String word) {
        StringBuilder out = null;
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1)) {
                if (out == null) {
                    out = new StringBuilder(word.length()).append(word, 0, i);
                }
            } else if (out != null) {
                out.append(word.charAt(i));
            }
        }
        return out == null ? word : out.toString();
    }

    private static boolean swapped(String typed, String keyword) {
        if (typed.length() != keyword.length()) {
            return false;
        }
        int first = firstDifference(typed, keyword);
        return first + 1 < typed.length()
                && typed.charAt(first) == keyword.charAt(first + 1)
                && typed.charAt(first + 1) == keyword.charAt(first)
                && typed.regionMatches(first + 2, keyword, first + 2, typed.length() - first - 2);
    }

    private static boolean neighbourReplaced(String typed, String keyword) {
        if (typed.length() != keyword.length()) {
            return false;
        }
        int at = firstDifference(typed, keyword);
        return adjacentKeys(typed.charAt(at), keyword.charAt(at))
                && typed.regionMatches(at + 1, keyword, at + 1, typed.length() - at - 1);
    }

    private static boolean neighbourAdded(String typed, String keyword) {
        if (typed.length() != keyword.length() + 1) {
            return false;
        }
        int at = firstDifference(typed, keyword);
        if (!typed.regionMatches(at + 1, keyword, at, keyword.length() - at)) {
            return false;
        }
        char added = typed.charAt(at);
        boolean touchesBefore = at > 0 && (added == typed.charAt(at - 1) || adjacentKeys(added, typed.charAt(at - 1)));
        boolean touchesAfter =
                at + 1 < typed.length() && (added == typed.charAt(at + 1) || adjacentKeys(added, typed.charAt(at + 1)));
        return touchesBefore || touchesAfter;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        int shorter = Math.min(a.length(), b.length());
        while (i < shorter && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Whether two letters sit on touching keys of a QWERTY keyboard (same row, or the row above or below). */
    static boolean adjacentKeys(char a, char b) {
        int rowA = row(a);
        int rowB = row(b);
        if (rowA < 0 || rowB < 0 || a == b) {
            return false;
        }
        int colA = ROWS[rowA].indexOf(a);
        int colB = ROWS[rowB].indexOf(b);
        if (rowA == rowB) {
            return Math.abs(colA - colB) == 1;
        }
        // Each row sits half a key to the right of the one above it.
        if (rowB == rowA + 1) {
            return colB == colA || colB == colA - 1;
        }
        if (rowA == rowB + 1) {
            return colA == colB || colA == colB - 1;
        }
        return false;
    }

    private static int row(char c) {
        for (int r = 0; r < ROWS.length; r++) {
            if (ROWS[r].indexOf(c) >= 0) {
                return r;
            }
        }
        return -1;
    }

    /** Optimal-string-alignment distance (adjacent swaps count one), stopping once it must exceed {@code limit}. */
    private static boolean distanceAtMost(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return false;
        }
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return false;
            }
            int[] spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return previous[b.length()] <= limit;
    }
}
