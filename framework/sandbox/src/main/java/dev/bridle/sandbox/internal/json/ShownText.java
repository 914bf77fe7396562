package dev.bridle.sandbox.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bridle.sandbox.internal.GeneratedCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text as the platform shows it back: every http(s) link replaced by a t.co link (the link as written stays in
 * {@code entities.urls[].expanded_url}) and, for posts, {@code &}, {@code <} and {@code >} escaped as HTML entities.
 * Clients that compare what they sent with what they read must undo both, as they must on the platform.
 *
 * <p>Only links written with a scheme are wrapped (the platform also wraps bare domains such as {@code example.com});
 * the t.co code is derived from the link, so it is the same on every read.
 *
 * @param text the text shown
 * @param links the wrapped links, in order
 */
public record ShownText(String text, List<Link> links) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,:;!?'\")]}";
    private static final int DISPLAY_LENGTH = 26;

    /**
     * A wrapped link.
     *
     * @param url the t.co link in the text shown
     * @param expandedUrl the link as written
     * @param displayUrl the link as the apps print it
     * @param start where the t.co link starts in the text shown, in code points
     * @param end where it ends, in code points
     */
    public record Link(String url, String expandedUrl, String displayUrl, int start, int end) {}

    public ShownText {
        links = List.copyOf(links);
    }

    /** A post's text: links wrapped, HTML escaped. */
    public static ShownText ofPost(String written) {
        return of(written, true);
    }

    /** A direct message's text: links wrapped. */
    public static ShownText ofMessage(String written) {
        return of(written, false);
    }

    /** The links as v2 {@code entities.urls}: {@code start, end, url, expanded_url, display_url}. */
    public void putV2(ArrayNode urls) {
        for (Link link : links) {
            urls.addObject()
                    .put("start", link.start())
                    .put("end", link.end())
                    .put("url", link.url())
                    .put("expanded_url", link.expandedUrl())
                    .put("display_url", link.displayUrl());
        }
    }

    /** The links as v1.1 {@code entities.urls}: {@code url, expanded_url, display_url, indices}. */
    public void putV1(ArrayNode urls) {
        for (Link link : links) {
            var n = urls.addObject()
                    .put("url", link.url())
                    .put("expanded_url", link.expandedUrl())
                    .put("display_url", link.displayUrl());
            n.putArray("indices").add(link.start()).add(link.end());
        }
    }

    private static ShownText of(String written, boolean escapeHtml) {
        StringBuilder shown = new StringBuilder(written.length() + 16);
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(written);
        int from = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING_PUNCTUATION.indexOf(written.charAt(end - 1)) >= 0) {
                end--;
            }
            String link = written.substring(m.start(), end);
            if (link.indexOf("://") + 3 >= link.length()) {
                continue; // a scheme with nothing after it is not a link
            }
            append(shown, written.substring(from, m.start()), escapeHtml);
            String wrapped = "https://t.co/" + code(link);
            int start = shown.codePointCount(0, shown.length());
            shown.append(wrapped);
            links.add(new Link(wrapped, link, display(link), start, start + wrapped.length()));
            from = end;
        }
        append(shown, written.substring(from), escapeHtml);
        return new ShownText(shown.toString(), links);
    }

    private static void append(StringBuilder out, String plain, boolean escapeHtml) {
        if (!escapeHtml) {
            out.append(plain);
            return;
        }
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }

    private static String display(String link) {
        String bare = link.replaceFirst("(?i)^https?://(www\\.)?", "");
        return bare.length() <= DISPLAY_LENGTH ? bare : bare.substring(0, DISPLAY_LENGTH - 1) + "\u2026";
    }

    /** Ten base-62 characters derived from the link, as the sandbox derives its credentials. */
    private static String code(String link) {
        return GeneratedCredentials.derive(0, "t.co " + link, 10);
    }
}
