package dev.bridle.sandbox.internal.world;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code @handle} mentions in a post's text (a simple form of twitter-text's extractor). */
public final class Mentions {
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])");

    private Mentions() {}

    /** The mentioned handles, lower-cased, in order of appearance. */
    public static Set<String> in(String text) {
        Set<String> handles = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            handles.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return handles;
    }

    /** Where each mention starts and ends in the text, as {@code [handle, start, end]} (UTF-16 offsets). */
    public static java.util.List<Object[]> spans(String text) {
        java.util.List<Object[]> spans = new java.util.ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            spans.add(new Object[] {m.group(1), m.start(), m.end()});
        }
        return spans;
    }
}
