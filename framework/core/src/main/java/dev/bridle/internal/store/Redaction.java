package dev.bridle.internal.store;

import java.util.regex.Pattern;

/** Keeps passwords out of messages about a store. */
final class Redaction {

    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password\\s*=)[^;&]*");

    private Redaction() {}

    /** The URL with any {@code password=...} setting masked. */
    static String url(String url) {
        return PASSWORD_SETTING.matcher(url).replaceAll("$1****");
    }

    /** {@code text} with {@code secret} masked, if the secret is not empty. */
    static String text(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "****");
    }
}
