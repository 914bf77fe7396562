package dev.bridle.internal.text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a short text holds something that points at a person: a handle ({@code @name}) or a long number (five or more
 * digits in a row; user, post and message ids are long numbers). Used where the rules say no identifiers may be kept:
 * aggregate labels, and the keys of a bot's own state.
 */
public final class Identifiers {

    private static final Pattern HANDLE = Pattern.compile("(^|[^\\p{Alnum}_])@\\w");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{5,}");

    private Identifiers() {}

    /**
     * What identifier {@code text} holds, as a phrase ({@code "a handle"}), or empty if none. Never the text itself.
     */
    public static Optional<String> heldIn(String text) {
        if (HANDLE.matcher(text).find()) {
            return Optional.of("a handle");
        }
        if (LONG_NUMBER.matcher(text).find()) {
            return Optional.of("a long number, as a user, post or message id is");
        }
        return Optional.empty();
    }
}
