package dev.bridle.bench.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tricks spammers use to post one text many times, each as a transform of a text. Written from the descriptions of
 * the tricks, independently of Bridle's normaliser: the corpus must not be shaped by the code it measures.
 */
public final class Evasions {

    private Evasions() {}

    /** Latin letters and the Cyrillic or Greek letters that look like them. */
    private static final Map<Character, String> HOMOGLYPHS = Map.ofEntries(
            Map.entry('a', "\u0430"),
            Map.entry('c', "\u0441"),
            Map.entry('e', "\u0435"),
            Map.entry('o', "\u043E\u03BF"),
            Map.entry('p', "\u0440"),
            Map.entry('x', "\u0445"),
            Map.entry('y', "\u0443"),
            Map.entry('i', "\u0456"),
            Map.entry('j', "\u0458"),
            Map.entry('s', "\u0455"),
            Map.entry('h', "\u04BB"),
            Map.entry('d', "\u0501"),
            Map.entry('v', "\u03BD"),
            Map.entry('A', "\u0410\u0391"),
            Map.entry('B', "\u0412\u0392"),
            Map.entry('C', "\u0421"),
            Map.entry('E', "\u0415\u0395"),
            Map.entry('H', "\u041D\u0397"),
            Map.entry('I', "\u0406\u0399"),
            Map.entry('J', "\u0408"),
            Map.entry('K', "\u041A\u039A"),
            Map.entry('M', "\u041C\u039C"),
            Map.entry('N', "\u039D"),
            Map.entry('O', "\u041E\u039F"),
            Map.entry('P', "\u0420\u03A1"),
            Map.entry('S', "\u0405"),
            Map.entry('T', "\u0422\u03A4"),
            Map.entry('X', "\u0425\u03A7"),
            Map.entry('Y', "\u04AE\u03A5"),
            Map.entry('Z', "\u0396"));

    /**
     * Invisible characters: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen, bidi controls, CGJ,
     * variation selector.
     */
    private static final String[] INVISIBLE = {
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
        "\u2066", "\u2067", "\u2068", "\u2069", "\u034F", "\uFE0F", "\u180E"
    };

    private static final String[] EMOJI = {
        "🔥", "✨", "🎉", "👉", "💯", "⭐", "🙌", "😊", "🚀", "❤️", "👍🏽", "🇺🇸", "✅", "📣", "🌧️", "👀", "💥"
    };

    private static final String[] SPACES = {
        "  ", "\u00A0", "\u2003", "\u2009", "\u3000", "\u202F", "   ", " \u2800 ", "\u2002"
    };

    private static final String[] SHORT_LINKS = {
        "https://bit.ly/", "https://t.co/", "https://tinyurl.com/", "https://ow.ly/", "https://buff.ly/"
    };

    private static final String[] OTHER_LINKS = {
        "https://deals-now.shop/x/",
        "https://promo.click/go/",
        "https://newsfeed.io/a/",
        "https://my-landing.page/",
        "https://win-big.store/p/"
    };

    private static final String[] HANDLES = {
        "sam_r", "lucy88", "mike_d", "priya_codes", "tomw", "zoe_k", "ahmed_h", "jin_park", "rosa_m", "k8lyn"
    };

    private static final String[] FILLERS = {"just", "now", "today", "really", "please", "totally", "new", "huge", "big"
    };

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("great", "wonderful"),
            Map.entry("now", "today"),
            Map.entry("free", "complimentary"),
            Map.entry("fast", "quick"),
            Map.entry("thanks", "thank you"),
            Map.entry("Thanks", "Thank you"),
            Map.entry("big", "huge"),
            Map.entry("new", "brand new"),
            Map.entry("Join", "Come join"),
            Map.entry("closed", "shut"),
            Map.entry("delays", "holdups"),
            Map.entry("update", "upgrade"),
            Map.entry("alternate", "other"),
            Map.entry("unavailable", "offline"),
            Map.entry("starts", "begins"),
            Map.entry("Get", "Grab"));

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** Cyrillic and Greek look-alikes for about a third of the eligible letters outside links and mentions. */
    public static String homoglyphs(String text, Random rnd) {
        return perWord(
                text,
                (word, r) -> {
                    StringBuilder out = new StringBuilder();
                    for (char c : word.toCharArray()) {
                        String alt = HOMOGLYPHS.get(c);
                        if (alt != null && r.nextInt(3) == 0) {
                            out.append(alt.charAt(r.nextInt(alt.length())));
                        } else {
                            out.append(c);
                        }
                    }
                    return out.toString();
                },
                rnd);
    }

    /** Three to ten invisible characters at random places, inside words too, but not inside links. */
    public static String invisibles(String text, Random rnd) {
        int n = 3 + rnd.nextInt(8);
        StringBuilder out = new StringBuilder(text);
        for (int k = 0; k < n; k++) {
            int at = safePosition(out.toString(), rnd);
            out.insert(at, INVISIBLE[rnd.nextInt(INVISIBLE.length)]);
        }
        return out.toString();
    }

    /** One to four emoji between words. */
    public static String emoji(String text, Random rnd) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            words.add(rnd.nextInt(words.size() + 1), EMOJI[rnd.nextInt(EMOJI.length)]);
        }
        return String.join(" ", words);
    }

    /** Shouting, mixed case, fullwidth, mathematical bold, circled letters or small capitals. */
    public static String caseAndWidth(String text, Random rnd) {
        int style = rnd.nextInt(6);
        return perWord(
                text,
                (word, r) -> {
                    if (style > 1 && r.nextInt(2) == 0) {
                        return word;
                    }
                    StringBuilder out = new StringBuilder();
                    for (char c : word.toCharArray()) {
                        out.append(
                                switch (style) {
                                    case 0 -> String.valueOf(Character.toUpperCase(c));
                                    case 1 ->
                                        String.valueOf(
                                                r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                                    case 2 -> fullwidth(c);
                                    case 3 -> mathBold(c);
                                    case 4 -> circled(c);
                                    default -> smallCapital(c);
                                });
                    }
                    return out.toString();
                },
                rnd);
    }

    /** Runs of spaces, no-break, em, thin, ideographic and braille-blank spaces, and padding at the ends. */
    public static String whitespace(String text, Random rnd) {
        StringBuilder out = new StringBuilder(rnd.nextBoolean() ? "  " : "");
        for (char c : text.toCharArray()) {
            out.append(c == ' ' && rnd.nextInt(2) == 0 ? SPACES[rnd.nextInt(SPACES.length)] : String.valueOf(c));
        }
        return out.append(rnd.nextBoolean() ? " \u3000" : "").toString();
    }

    /** Every link replaced by a link to somewhere else; a text without a link gets none. */
    public static String swapLinks(String text, Random rnd) {
        return URL.matcher(text).replaceAll(m -> OTHER_LINKS[rnd.nextInt(OTHER_LINKS.length)] + key(rnd, 6));
    }

    /** Every link replaced by a fresh short link, or given tracking parameters. */
    public static String shortenLinks(String text, Random rnd) {
        return URL.matcher(text)
                .replaceAll(m -> rnd.nextInt(4) == 0
                        ? Matcher.quoteReplacement(
                                m.group() + "?utm_source=twitter&utm_medium=social&utm_campaign=" + key(rnd, 4))
                        : SHORT_LINKS[rnd.nextInt(SHORT_LINKS.length)] + key(rnd, 7 + rnd.nextInt(3)));
    }

    /** One or two small edits: a typo, a dropped or added word, a synonym, changed punctuation. */
    public static String smallEdits(String text, Random rnd) {
        int n = 1 + rnd.nextInt(2);
        String out = text;
        for (int k = 0; k < n; k++) {
            out = switch (rnd.nextInt(5)) {
                case 0 -> typo(out, rnd);
                case 1 -> dropWord(out, rnd);
                case 2 -> addWord(out, rnd);
                case 3 -> synonym(out, rnd);
                default -> punctuation(out, rnd);
            };
        }
        return out;
    }

    /** Sentences reordered, or the two halves around a comma or colon swapped, or one word moved. */
    public static String reorder(String text, Random rnd) {
        String[] sentences = text.split("(?<=[.!?]) ");
        if (sentences.length >= 2) {
            List<String> list = new ArrayList<>(Arrays.asList(sentences));
            String first = list.remove(0);
            list.add(first);
            return String.join(" ", list);
        }
        int cut = Math.max(text.indexOf(", "), text.indexOf(": "));
        if (cut > 0) {
            return text.substring(cut + 2) + ", " + text.substring(0, cut);
        }
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        if (words.size() > 3) {
            String w = words.remove(1 + rnd.nextInt(words.size() - 2));
            words.add(w);
        }
        return String.join(" ", words);
    }

    /** The hashtags shuffled and moved to the front, one of them repeated. Needs a text with hashtags. */
    public static String reorderHashtags(String text, Random rnd) {
        List<String> tags = new ArrayList<>();
        Matcher m = Pattern.compile("#[A-Za-z]\\w*").matcher(text);
        while (m.find()) {
            tags.add(m.group());
        }
        if (tags.isEmpty()) {
            return text;
        }
        String body = text.replaceAll("\\s*#[A-Za-z]\\w*", "").trim();
        java.util.Collections.shuffle(tags, rnd);
        if (rnd.nextBoolean()) {
            tags.add(tags.get(0));
        }
        return rnd.nextBoolean() ? String.join(" ", tags) + " " + body : body + " " + String.join(" ", tags);
    }

    /** The text as a reply to one or two other users: @mentions in front. */
    public static String replyPrefix(String text, Random rnd) {
        String prefix = "@" + HANDLES[rnd.nextInt(HANDLES.length)] + " ";
        if (rnd.nextBoolean()) {
            prefix += "@" + HANDLES[rnd.nextInt(HANDLES.length)] + " ";
        }
        return prefix + text;
    }

    /** Every inner @mention addressed to someone else. */
    public static String swapMentions(String text, Random rnd) {
        return text.replaceAll("@\\w+", "@" + HANDLES[rnd.nextInt(HANDLES.length)]);
    }

    /** A counter or random tag appended, the bulk poster's trick to get past "status is a duplicate". */
    public static String randomSuffix(String text, Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> text + " [" + (100 + rnd.nextInt(9900)) + "]";
            case 1 -> text + " ref " + key(rnd, 5);
            default -> text + " (" + (1 + rnd.nextInt(60)) + ")";
        };
    }

    static boolean hasLink(String text) {
        return URL.matcher(text).find();
    }

    static boolean hasHashtag(String text) {
        return text.matches(".*#[A-Za-z]\\w*.*");
    }

    static boolean hasInnerMention(String text) {
        return text.matches(".+\\s@\\w+.*");
    }

    // ---- helpers

    /** Applies {@code f} to each space-separated word that is not a link or a mention. */
    private static String perWord(String text, BiFunction<String, Random, String> f, Random rnd) {
        String[] words = text.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            if (!words[i].startsWith("http") && !words[i].startsWith("@")) {
                words[i] = f.apply(words[i], rnd);
            }
        }
        return String.join(" ", words);
    }

    /** A position not inside a link or a mention. */
    private static int safePosition(String text, Random rnd) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int at = rnd.nextInt(text.length() + 1);
            int wordStart = text.lastIndexOf(' ', Math.max(0, at - 1)) + 1;
            String word = text.substring(wordStart);
            if (!word.startsWith("http")
                    && !word.startsWith("@")
                    && !(at > 0 && Character.isHighSurrogate(text.charAt(at - 1)))) {
                return at;
            }
        }
        return 0;
    }

    private static String key(Random rnd, int n) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String fullwidth(char c) {
        return c >= '!' && c <= '~' ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf(c);
    }

    private static String mathBold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return new String(Character.toChars(0x1D400 + (c - 'A')));
        }
        if (c >= 'a' && c <= 'z') {
            return new String(Character.toChars(0x1D41A + (c - 'a')));
        }
        if (c >= '0' && c <= '9') {
            return new String(Character.toChars(0x1D7CE + (c - '0')));
        }
        return String.valueOf(c);
    }

    private static String circled(char c) {
        if (c >= 'A' && c <= 'Z') {
            return String.valueOf((char) (0x24B6 + (c - 'A')));
        }
        if (c >= 'a' && c <= 'z') {
            return String.valueOf((char) (0x24D0 + (c - 'a')));
        }
        return String.valueOf(c);
    }

    private static String smallCapital(char c) {
        String caps = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ";
        char lower = Character.toLowerCase(c);
        return lower >= 'a' && lower <= 'z' ? String.valueOf(caps.charAt(lower - 'a')) : String.valueOf(c);
    }

    private static String typo(String text, Random rnd) {
        String[] words = text.split(" ");
        for (int attempt = 0; attempt < 20; attempt++) {
            int i = rnd.nextInt(words.length);
            String w = words[i];
            if (w.length() >= 5 && w.chars().allMatch(Character::isLetter)) {
                int at = 1 + rnd.nextInt(w.length() - 3);
                words[i] = rnd.nextBoolean()
                        ? w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2)
                        : w.substring(0, at) + w.substring(at + 1);
                return String.join(" ", words);
            }
        }
        return text;
    }

    private static String dropWord(String text, Random rnd) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        for (int attempt = 0; attempt < 20 && words.size() > 4; attempt++) {
            int i = rnd.nextInt(words.size());
            String w = words.get(i);
            if (w.chars().allMatch(Character::isLetter) && w.length() > 1) {
                words.remove(i);
                return String.join(" ", words);
            }
        }
        return text;
    }

    private static String addWord(String text, Random rnd) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        words.add(1 + rnd.nextInt(words.size()), FILLERS[rnd.nextInt(FILLERS.length)]);
        return String.join(" ", words);
    }

    private static String synonym(String text, Random rnd) {
        List<String> keys = SYNONYMS.keySet().stream()
                .sorted()
                .filter(k -> text.matches(".*\\b" + k + "\\b.*"))
                .toList();
        if (keys.isEmpty()) {
            return addWord(text, rnd);
        }
        String k = keys.get(rnd.nextInt(keys.size()));
        return text.replaceFirst("\\b" + k + "\\b", SYNONYMS.get(k));
    }

    private static String punctuation(String text, Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> text.replace(",", "");
            case 1 -> text.endsWith(".") ? text.substring(0, text.length() - 1) + "!!" : text + "!";
            default -> text.replace(". ", "... ").replace("!", "!!!");
        };
    }
}
