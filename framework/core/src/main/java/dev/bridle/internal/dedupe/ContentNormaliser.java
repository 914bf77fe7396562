package dev.bridle.internal.dedupe;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import dev.bridle.internal.text.Folding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a post into what duplicate detection compares, so that the tricks spammers use to make one text look like many
 * change nothing. In order:
 *
 * <ol>
 *   <li><b>Unicode.</b> {@link Folding#foldForComparison}: NFKC with full case folding, which removes every
 *       default-ignorable code point (zero-width spaces and joiners, bidi controls, variation selectors, soft hyphens,
 *       tag characters). Each word is then reduced to its UTS #39 confusable skeleton with {@link Folding#skeleton}, so
 *       Cyrillic {@code Асmе} and Latin {@code Acme}, fullwidth and mathematical letters, and small capitals all meet.
 *   <li><b>Words.</b> The text is split into words at whitespace of any kind (so runs of spaces, no-break and
 *       ideographic spaces collapse), at emoji and at punctuation; punctuation inside a word ({@code 2.4.0},
 *       {@code 10:30}, {@code don't}) stays; a dash between letters separates words, so {@code conflict-free} and
 *       {@code conflict free} meet. A word holding a digit is a {@linkplain Token.Kind#NUMBER number}: versions, dates,
 *       times and scores are the facts that tell two honest templated posts apart, so they weigh more.
 *   <li><b>Links</b> are compared by what a shortener cannot change. A link through a URL shortener ({@code t.co},
 *       {@code bit.ly} and others in {@link #SHORTENERS}) becomes {@code link:short}: its path is a random key that
 *       differs per post. Any other link becomes {@code link:host/path} without scheme, {@code www.}, fragment,
 *       tracking parameters ({@code utm_*}, {@code fbclid} ...) or trailing slash. For the near-duplicate score every
 *       link is the same token: swapping the link of an otherwise identical post is the oldest evasion there is, so two
 *       posts that differ only in their links are near-duplicates.
 *   <li><b>Mentions.</b> Mentions before the first word (hashtags and emoji aside) are removed: they are the reply
 *       prefix, and the same reply sent to many users is the same text. A mention inside the text stays in the exact
 *       form ({@code Thanks @ann} and {@code Thanks @bob} are not identical) but counts as one placeholder in the
 *       near-duplicate score (they are near-duplicates).
 *   <li><b>Hashtags</b> are compared as a set: taken out of the body, de-duplicated and sorted, so reordering or
 *       repeating them changes nothing.
 *   <li><b>Emoji</b> are removed, on purpose: spammers sprinkle them to make copies differ, and for a reader they
 *       decorate rather than carry the message. A skin-tone modifier is dropped with its emoji. A text made of nothing
 *       but emoji is compared by its emoji (without skin tones), so two such texts are not all equal to each other.
 * </ol>
 *
 * Thread-safe.
 */
public final class ContentNormaliser {

    /** Hosts whose link text is a random key: a post's link through them is compared as {@code link:short}. */
    public static final Set<String> SHORTENERS = Set.of(
            "t.co",
            "bit.ly",
            "bitly.com",
            "tinyurl.com",
            "goo.gl",
            "ow.ly",
            "buff.ly",
            "is.gd",
            "v.gd",
            "t.ly",
            "rebrand.ly",
            "cutt.ly",
            "shorturl.at",
            "tiny.cc",
            "lnkd.in",
            "dlvr.it",
            "ift.tt",
            "trib.al",
            "fb.me",
            "amzn.to",
            "spr.ly",
            "rb.gy",
            "s.id",
            "bl.ink",
            "soo.gd",
            "clck.ru",
            "wp.me",
            "j.mp",
            "shorte.st");

    /** Query parameters that identify the sharer or the campaign, not the page. */
    static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "ref_url", "s", "t",
            "si", "cmpid");

    /** Common English words; they weigh little in the near-duplicate score. Kept in skeleton form. */
    static final Set<String> STOPWORDS = List.of(
                    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from",
                    "into", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
                    "those", "we", "our", "you", "your", "i", "my", "me", "us", "they", "their", "he", "she", "his",
                    "her", "so", "if", "not", "no", "do", "does", "will", "can", "has", "have", "had", "just", "all",
                    "more", "up", "out", "now", "here", "there", "what", "who", "how", "when", "about", "than", "then",
                    "also", "very", "get")
            .stream()
            .map(Folding::skeleton)
            .collect(Collectors.toUnmodifiableSet());

    /** Top-level domains that make a scheme-less {@code name.tld/path} a link. */
    static final Set<String> LINK_TLDS = Set.of(
            "com", "org", "net", "io", "co", "ly", "me", "gl", "gd", "to", "at", "in", "us", "uk", "de", "fr", "es",
            "it", "nl", "eu", "ca", "au", "jp", "ru", "br", "app", "dev", "info", "biz", "tv", "news", "shop", "site",
            "xyz", "online", "store", "link", "page", "ai", "gg", "cc", "id", "ink", "st", "is", "sh", "so");

    private static final Pattern SCHEMELESS_LINK =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+([a-z]{2,})(?:[/?#].*)?");

    /** The skeleton of each ASCII character, from {@link Folding#skeleton}: the fast path for ASCII words. */
    private static final String[] ASCII_SKELETON = asciiSkeletons();

    /** Normalises {@code text}; never null, empty when nothing comparable is left. */
    public NormalisedText normalise(String text) {
        Scan scan = new Scan();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (UCharacter.isUWhiteSpace(cp)) {
                if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
                    scan.sentenceStart = true;
                }
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            while (end < n && !UCharacter.isUWhiteSpace(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            chunk(text.substring(i, end), scan);
            i = end;
        }
        if (scan.tokens.isEmpty() && scan.hashtags.isEmpty()) {
            scan.tokens.addAll(scan.emoji);
        }
        return new NormalisedText(scan.tokens, List.copyOf(scan.hashtags));
    }

    /** What one text yields, gathered as its whitespace-separated chunks are read. */
    private static final class Scan {
        final List<Token> tokens = new ArrayList<>();
        final List<Token> emoji = new ArrayList<>();
        final TreeSet<String> hashtags = new TreeSet<>();
        boolean sentenceStart = true;

        /**
         * Before the first word, number or link: mentions here are the reply prefix (hashtags and emoji do not count).
         */
        boolean atStart() {
            return tokens.isEmpty();
        }
    }

    /**
     * One whitespace-separated chunk of the original text: a link, or words, mentions, hashtags and emoji. Case is read
     * here, before folding: a capitalised word inside a sentence is a name.
     */
    private static void chunk(String original, Scan scan) {
        boolean name = !scan.sentenceStart && looksLikeName(original);
        scan.sentenceStart = endsSentence(original);
        String text = Folding.foldForComparison(original);
        int from = 0;
        int to = text.length();
        int a = from;
        int b = to;
        while (a < b && "([{<\"'".indexOf(text.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && ")]}>\"'.,;:!?".indexOf(text.charAt(b - 1)) >= 0) {
            b--;
        }
        String core = text.substring(a, b);
        if (isLink(core)) {
            scan.tokens.add(new Token(canonicalLink(core), Token.Kind.LINK));
            return;
        }
        int start = -1;
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (start < 0 && (cp == '@' || cp == '#') && next < to && isWordChar(text.codePointAt(next))) {
                int end = next;
                while (end < to && (isWordChar(text.codePointAt(end)) || text.charAt(end) == '_')) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String tag = text.substring(next, end);
                if (cp == '@') {
                    if (!scan.atStart()) {
                        scan.tokens.add(new Token("@" + skeleton(tag), Token.Kind.MENTION));
                    }
                    i = end;
                    continue;
                }
                if (tag.codePoints().anyMatch(UCharacter::isLetter)) {
                    scan.hashtags.add(skeleton(tag));
                    i = end;
                    continue;
                }
            }
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0 && next < to && joins(cp, text.codePointBefore(i), text.codePointAt(next))) {
                // punctuation inside a word: 2.4.0, 10:30, 1,000, 24/7, don't
            } else {
                if (start >= 0) {
                    scan.tokens.add(word(text.substring(start, i), name));
                    name = false;
                    start = -1;
                }
                if (isEmoji(cp) && !UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)) {
                    scan.emoji.add(new Token(new String(Character.toChars(cp)), Token.Kind.EMOJI));
                }
            }
            i = next;
        }
        if (start >= 0) {
            scan.tokens.add(word(text.substring(start, to), name));
        }
    }

    /** Whether the chunk's first letter is a capital (Latin, Cyrillic, fullwidth or mathematical alike). */
    private static boolean looksLikeName(String chunk) {
        for (int i = 0; i < chunk.length(); ) {
            int cp = chunk.codePointAt(i);
            if (UCharacter.isLetter(cp)) {
                return UCharacter.isUUppercase(cp) || UCharacter.isTitleCase(cp);
            }
            if (cp == '@' || cp == '#' || UCharacter.isDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * Whether the chunk ends a sentence: a full stop, question or exclamation mark, maybe before quotes or emoji. Not a
     * colon: in bot posts what follows one is mostly a name ({@code FINAL: Celtics 112}, {@code Security update: Tern
     * 1.9.2}).
     */
    private static boolean endsSentence(String chunk) {
        for (int i = chunk.length(); i > 0; ) {
            int cp = chunk.codePointBefore(i);
            if (cp == '.' || cp == '!' || cp == '?' || cp == '\u2026') {
                return true;
            }
            if (UCharacter.isLetterOrDigit(cp)) {
                return false;
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    static boolean isLink(String chunk) {
        if (chunk.startsWith("http://") || chunk.startsWith("https://")) {
            return chunk.length() > 8;
        }
        if (chunk.indexOf('.') < 0 || !isAscii(chunk)) {
            return false;
        }
        Matcher m = SCHEMELESS_LINK.matcher(chunk);
        return m.matches() && LINK_TLDS.contains(m.group(1));
    }

    /** The skeleton of a folded word; ASCII words take a per-character table built from {@link Folding#skeleton}. */
    static String skeleton(String folded) {
        if (!isAscii(folded)) {
            return Folding.skeleton(folded);
        }
        StringBuilder out = new StringBuilder(folded.length() + 4);
        for (int i = 0; i < folded.length(); i++) {
            out.append(ASCII_SKELETON[folded.charAt(i)]);
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String[] asciiSkeletons() {
        String[] table = new String[0x80];
        for (char c = 0; c < 0x80; c++) {
            table[c] = Folding.skeleton(String.valueOf(c));
        }
        return table;
    }

    private static Token word(String folded, boolean name) {
        String skeleton = skeleton(folded);
        if (folded.codePoints().anyMatch(UCharacter::isDigit)) {
            return new Token(skeleton, Token.Kind.NUMBER);
        }
        if (STOPWORDS.contains(skeleton)) {
            return new Token(skeleton, Token.Kind.STOPWORD);
        }
        return new Token(skeleton, name ? Token.Kind.NAME : Token.Kind.WORD);
    }

    private static boolean isWordChar(int cp) {
        if (cp == 0x20E3 || isEmoji(cp)) {
            return false; // the keycap mark is an enclosing mark, but it makes an emoji
        }
        int type = UCharacter.getType(cp);
        return UCharacter.isLetterOrDigit(cp)
                || type == UCharacter.NON_SPACING_MARK
                || type == UCharacter.COMBINING_SPACING_MARK
                || type == UCharacter.ENCLOSING_MARK
                || type == UCharacter.CURRENCY_SYMBOL
                || cp == '%'
                || cp == '°';
    }

    /**
     * Whether punctuation {@code cp} between {@code before} and {@code after} keeps one word: full stops, underscores
     * and apostrophes inside any word ({@code 2.4.0}, {@code don't}); dashes, slashes, colons, commas and plus signs
     * only between digits ({@code 10-10}, {@code 24/7}, {@code 10:30}, {@code 1,000}), so {@code conflict-free} and
     * {@code conflict free} are the same words.
     */
    private static boolean joins(int cp, int before, int after) {
        if (!isWordChar(before) || !isWordChar(after)) {
            return false;
        }
        return switch (cp) {
            case '.', '_', '\'', '\u2019' -> true;
            case '-', '/', ':', ',', '+' -> UCharacter.isDigit(before) && UCharacter.isDigit(after);
            default -> false;
        };
    }

    private static boolean isEmoji(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)
                || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR)
                || cp == 0x20E3;
    }

    /** {@code link:short} for a shortener, else {@code link:host/path?query} without the noise. */
    static String canonicalLink(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        if (scheme >= 0 && scheme < 10) {
            u = u.substring(scheme + 3);
        }
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        int slash = indexOfAny(u, "/?");
        String host = slash < 0 ? u : u.substring(0, slash);
        String rest = slash < 0 ? "" : u.substring(slash);
        host = host.substring(host.lastIndexOf('@') + 1);
        if (host.endsWith(":80") || host.endsWith(":443")) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (SHORTENERS.contains(host)) {
            return "link:short";
        }
        String path = rest;
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            path = rest.substring(0, q);
            query = rest.substring(q + 1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String kept = java.util.Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> {
                    String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                    return !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name);
                })
                .sorted()
                .collect(Collectors.joining("&"));
        return "link:" + skeleton(host + path + (kept.isEmpty() ? "" : "?" + kept));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
