package dev.bridle.internal.optout;

import java.util.Objects;

/**
 * The texts sent back for one language. None of them may advertise anything: after an opt-out the FCC allows one
 * confirmation and nothing else.
 *
 * @param language the language these are in
 * @param optOut the one confirmation of an opt-out; it says how to opt back in
 * @param optIn the confirmation of an opt-in
 * @param help the answer to HELP
 * @param ambiguous the one question after a message that may be an opt-out; it says how to confirm
 */
public record Replies(String language, String optOut, String optIn, String help, String ambiguous) {

    public Replies {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(optOut, "optOut");
        Objects.requireNonNull(optIn, "optIn");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(ambiguous, "ambiguous");
    }

    /** The text to send for {@code messageClass}, or null for {@link MessageClass#NONE}. */
    public String forClass(MessageClass messageClass) {
        return switch (messageClass) {
            case OPT_OUT -> optOut;
            case OPT_IN -> optIn;
            case HELP -> help;
            case AMBIGUOUS -> ambiguous;
            case NONE -> null;
        };
    }
}
