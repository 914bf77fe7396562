package dev.bridle.internal.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A text as its author wrote it, from the text the platform shows. The platform replaces every link with a t.co link
 * (the link as written is in the object's {@code entities.urls[].expanded_url}) and, in posts, escapes {@code &},
 * {@code <} and {@code >} as HTML entities. Reconciliation compares the hash of a text sent with the text read back,
 * and bots and the keyword matcher read inbound text: all of them need the text as written.
 */
public final class PlatformText {

    private PlatformText() {}

    /** A post's text as written: HTML entities undone, then each t.co link given back its link. */
    public static String postAsWritten(String shown, JsonNode entities) {
        return shown == null ? null : withLinks(unescapeHtml(shown), entities);
    }

    /** A direct message's text as written: each t.co link given back its link (messages are not HTML-escaped). */
    public static String messageAsWritten(String shown, JsonNode entities) {
        return shown == null ? null : withLinks(shown, entities);
    }

    /**
     * Each {@code entities.urls[].url} in {@code text} replaced by its {@code expanded_url}. {@code entities} is the
     * object's {@code entities} (missing or null: the text is returned as is).
     */
    static String withLinks(String text, JsonNode entities) {
        if (entities == null) {
            return text;
        }
        String out = text;
        for (JsonNode link : entities.path("urls")) {
            String wrapped = link.path("url").asText("");
            String written = link.path("expanded_url").asText("");
            if (!wrapped.isEmpty() && !written.isEmpty()) {
                out = out.replace(wrapped, written);
            }
        }
        return out;
    }

    /** {@code &lt;}, {@code &gt;} and {@code &amp;} undone in one pass, so {@code &amp;lt;} reads {@code &lt;}. */
    static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            if (text.startsWith("&amp;", i)) {
                out.append('&');
                i += 5;
            } else if (text.startsWith("&lt;", i)) {
                out.append('<');
                i += 4;
            } else if (text.startsWith("&gt;", i)) {
                out.append('>');
                i += 4;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
