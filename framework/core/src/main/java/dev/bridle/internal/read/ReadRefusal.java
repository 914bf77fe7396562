package dev.bridle.internal.read;

import dev.bridle.bot.ReasonCode;
import java.util.Objects;

/**
 * Why the read plan refused a read.
 *
 * @param code the reason, citing its rule
 * @param step the step that refused
 * @param message a sentence for people; never the query itself when the query is what was refused
 */
public record ReadRefusal(ReasonCode code, String step, String message) {

    public ReadRefusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
    }
}
