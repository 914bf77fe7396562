package dev.bridle.guard;

import dev.bridle.bot.ReasonCode;
import java.time.Instant;
import java.util.Objects;

/** A guard's answer about one action: {@link Allow}, {@link Deny} or {@link Defer}. */
public sealed interface Verdict {

    /** The guard has no objection. */
    record Allow() implements Verdict {}

    /** The action must not be sent; {@code message} says why, for people. */
    record Deny(ReasonCode code, String message) implements Verdict {
        public Deny {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The action may be sent at {@code until}, not before. */
    record Defer(Instant until, ReasonCode code, String message) implements Verdict {
        public Defer {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The shared allow verdict. */
    static Verdict allow() {
        return ALLOW;
    }

    /** A denial for {@code code}, with a message for people. */
    static Verdict deny(ReasonCode code, String message) {
        return new Deny(code, message);
    }

    /** A deferral until {@code until}. */
    static Verdict defer(Instant until, ReasonCode code, String message) {
        return new Defer(until, code, message);
    }

    /** Whether this verdict lets the action go on. */
    default boolean allows() {
        return this instanceof Allow;
    }

    /** The singleton {@link Allow}. */
    Verdict ALLOW = new Allow();
}
