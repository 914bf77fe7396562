package dev.bridle.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Unicode folding that opt-out matching and duplicate detection share, so that a trick which
 * fools one cannot fool the other.
 *
 * <ul>
 *   <li>{@link #fold}: NFKC with full case folding, and every default-ignorable code point removed
 *       (zero-width spaces and joiners, bidi controls, variation selectors, tag characters), by
 *       ICU's {@code NFKC_Casefold}. Fullwidth {@code ＳＴＯＰ} and {@code S\u200BTOP} both fold
 *       to {@code stop}.</li>
 *   <li>{@link #skeleton}: the folded text mapped to its UTS #39 confusable skeleton, so
 *       Cyrillic {@code ѕтор} and Latin {@code stop} meet. UTS #39 keeps the Latin small capitals
 *       ({@code ᴛ}, {@code ʀ}, the skeleton of Cyrillic {@code т}) apart from lowercase letters,
 *       but in running text they read as the same letter, so they are folded to them too. Skeletons are for comparing, never for
 *       showing or storing: they change between Unicode versions (ICU {@code uspoof.h}).</li>
 * </ul>
 * Thread-safe; the ICU objects are built once because building them is the expensive part.
 */
public final class Folding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Map<Integer, Integer> SMALL_CAPITALS = smallCapitals();

    private Folding() {
    }

    /** NFKC, case-folded, with default-ignorable code points removed. */
    public static String fold(CharSequence text) {
        return NFKC_CASEFOLD.normalize(text);
    }

    /** The confusable skeleton of the folded text, folded again so skeletons compare as plain strings. */
    public static String skeleton(CharSequence text) {
        String skeleton = SPOOF.getSkeleton(fold(text));
        StringBuilder out = new StringBuilder(skeleton.length());
        skeleton.codePoints().forEach(cp -> out.appendCodePoint(SMALL_CAPITALS.getOrDefault(cp, cp)));
        return NFKC_CASEFOLD.normalize(out);
    }

    /** Every "LATIN LETTER SMALL CAPITAL X" mapped to {@code x}, from the Unicode character names. */
    private static Map<Integer, Integer> smallCapitals() {
        Pattern name = Pattern.compile("LATIN LETTER SMALL CAPITAL ([A-Z])");
        Map<Integer, Integer> map = new HashMap<>();
        for (int[] block : new int[][] {{0x0250, 0x02AF}, {0x1D00, 0x1D7F}, {0xA730, 0xA7FF}}) {
            for (int cp = block[0]; cp <= block[1]; cp++) {
                String n = UCharacter.getName(cp);
                Matcher m = n == null ? null : name.matcher(n);
                if (m != null && m.matches()) {
                    map.put(cp, Character.toLowerCase((int) m.group(1).charAt(0)));
                }
            }
        }
        return Map.copyOf(map);
    }
}
