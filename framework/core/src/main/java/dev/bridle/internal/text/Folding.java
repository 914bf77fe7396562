package dev.bridle.internal.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Unicode folding that opt-out matching and duplicate detection share, so that a trick which fools one cannot fool
 * the other.
 *
 * <ul>
 *   <li>{@link #fold}: NFKC with full case folding, and every default-ignorable code point removed (zero-width spaces
 *       and joiners, bidi controls, variation selectors, tag characters), by ICU's {@code NFKC_Casefold}. Fullwidth
 *       {@code ＳＴＯＰ} and {@code S\u200BTOP} both fold to {@code stop}.
 *   <li>{@link #skeleton}: the folded text mapped to its UTS #39 confusable skeleton, so Cyrillic {@code ѕтор} and
 *       Latin {@code stop} meet. UTS #39 keeps the Latin small capitals ({@code ᴛ}, {@code ʀ}, the skeleton of Cyrillic
 *       {@code т}) apart from lowercase letters, but in running text they read as the same letter, so they are folded
 *       to them too. Skeletons are for comparing, never for showing or storing: they change between Unicode versions
 *       (ICU {@code uspoof.h}).
 * </ul>
 *
 * Thread-safe; the ICU objects are built once because building them is the expensive part.
 */
public final class Folding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Map<Integer, String> SMALL_CAPITALS = smallCapitals();
    private static final Map<Integer, Integer> CAPITAL_LOOKALIKES = capitalLookalikes();

    private Folding() {}

    /** NFKC, case-folded, with default-ignorable code points removed. */
    public static String fold(CharSequence text) {
        return NFKC_CASEFOLD.normalize(text);
    }

    /**
     * The confusable skeleton of the folded text, folded again so skeletons compare as plain strings.
     *
     * <p>Case folding comes first, so that {@code I} and {@code i} meet; but a capital of another script would then be
     * folded to a lowercase letter that looks like nothing Latin (Greek {@code Κ} to {@code κ}, whose prototype is
     * {@code ĸ}; {@code Β} to {@code β}, read as {@code ß}). So before folding, every non-Latin capital whose prototype
     * is a single Latin capital is replaced by it.
     */
    public static String skeleton(CharSequence text) {
        String skeleton = SPOOF.getSkeleton(readAsLetters(foldForComparison(text)));
        return NFKC_CASEFOLD.normalize(readAsLetters(skeleton));
    }

    /**
     * {@link #fold}, after replacing every capital of another script that looks like a single Latin capital by that
     * capital (Greek {@code Κ} and Cyrillic {@code К} by {@code K}). What {@link #skeleton} starts from; for text that
     * is cut into words before each word's skeleton is taken, so case is not lost before the skeleton sees it.
     * {@code skeleton(foldForComparison(x))} equals {@code skeleton(x)}. Not for showing: Greek and Cyrillic words come
     * out mixed-script.
     */
    public static String foldForComparison(CharSequence text) {
        StringBuilder latin = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> latin.appendCodePoint(CAPITAL_LOOKALIKES.getOrDefault(cp, cp)));
        return fold(latin);
    }

    private static String readAsLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String letter = SMALL_CAPITALS.get(cp);
            if (letter == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(letter);
            }
        });
        return out.toString();
    }

    /** Every capital letter outside the Latin script whose UTS #39 prototype is one Latin capital {@code A-Z}. */
    private static Map<Integer, Integer> capitalLookalikes() {
        Map<Integer, Integer> map = new HashMap<>();
        for (int cp = 0x0370;
                cp <= 0x1FFFF;
                cp = cp == 0x33FF ? 0xA640 : cp == 0xABFF ? 0x10400 : cp == 0x104FF ? 0x20000 : cp + 1) {
            if ((UCharacter.isUUppercase(cp) || UCharacter.isTitleCase(cp)) && UScript.getScript(cp) != UScript.LATIN) {
                String prototype = SPOOF.getSkeleton(new String(Character.toChars(cp)));
                if (prototype.length() == 1 && prototype.charAt(0) >= 'A' && prototype.charAt(0) <= 'Z') {
                    map.put(cp, (int) prototype.charAt(0));
                }
            }
        }
        return Map.copyOf(map);
    }

    /**
     * Every "LATIN LETTER SMALL CAPITAL X" mapped to the skeleton of {@code x}, from the Unicode character names, and
     * two prototypes that read as a letter in running text the same way: kra (the prototype of Cyrillic {@code к} and
     * Greek {@code κ}) as {@code k}, turned w (of Cyrillic {@code м}) as {@code m}. Mapped before the skeleton is taken
     * and again after it.
     */
    private static Map<Integer, String> smallCapitals() {
        Pattern name = Pattern.compile("LATIN LETTER SMALL CAPITAL ([A-Z])");
        Map<Integer, String> map = new HashMap<>();
        for (int[] block : new int[][] {{0x0250, 0x02AF}, {0x1D00, 0x1D7F}, {0xA730, 0xA7FF}}) {
            for (int cp = block[0]; cp <= block[1]; cp++) {
                String n = UCharacter.getName(cp);
                Matcher m = n == null ? null : name.matcher(n);
                if (m != null && m.matches()) {
                    map.put(cp, letterSkeleton(m.group(1).toLowerCase(java.util.Locale.ROOT)));
                }
            }
        }
        map.put(0x0138, letterSkeleton("k"));
        map.put(0x028D, letterSkeleton("m"));
        return Map.copyOf(map);
    }

    private static String letterSkeleton(String letter) {
        return NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(letter));
    }
}
