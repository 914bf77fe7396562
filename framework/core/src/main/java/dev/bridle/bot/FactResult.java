package dev.bridle.bot;

import java.util.Objects;

/** What happened to one fact given to {@link People#put}: {@link Stored} or {@link Refused}. */
public sealed interface FactResult {

    /** The fact is stored. */
    record Stored(String key) implements FactResult {
        public Stored {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String reason() {
            return "stored '" + key + "'";
        }
    }

    /**
     * The fact was not stored; nothing was written.
     *
     * @param code why: {@link ReasonCode#SENSITIVE_ATTRIBUTE}, or {@link ReasonCode#NOT_FOR_PURPOSE} when the bot's
     *     declared purposes keep no facts
     * @param category the restricted category it falls in ({@code health}, {@code financial}, {@code political},
     *     {@code ethnic}, {@code religious}, {@code sexual}, {@code union}, {@code crime}); {@code none} for a refusal
     *     by purpose
     * @param message a sentence for people, naming the key and the category, never the value
     */
    record Refused(ReasonCode code, String category, String message) implements FactResult {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(message, "message");
        }

        /** The rule the refusal enforces. */
        public Rule rule() {
            return code.rule();
        }

        @Override
        public String reason() {
            return code + ": " + message;
        }
    }

    /** Whether the fact was stored. */
    default boolean stored() {
        return this instanceof Stored;
    }

    /** A short sentence saying what happened. */
    String reason();
}
