package dev.bridle.bot;

import java.util.Objects;

/** What happened to one link asked of {@link Identities#link}: {@link Linked} or {@link Refused}. */
public sealed interface LinkResult {

    /**
     * The link is stored and ledgered.
     *
     * @param basis the basis it was stored on
     */
    record Linked(LinkBasis.Kind basis) implements LinkResult {
        public Linked {
            Objects.requireNonNull(basis, "basis");
        }

        @Override
        public String reason() {
            return "linked on the basis of " + basis.wireName();
        }
    }

    /**
     * The link was not stored.
     *
     * @param code why: {@link ReasonCode#NO_MATCHING_BASIS}, {@link ReasonCode#NOT_FOR_PURPOSE} when the bot's declared
     *     purposes do not link identities, {@link ReasonCode#GUARD_UNAVAILABLE} when the basis could not be checked
     * @param message a sentence for people, naming the user and the basis, never the identifier
     */
    record Refused(ReasonCode code, String message) implements LinkResult {
        public Refused {
            Objects.requireNonNull(code, "code");
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

    /** Whether the link was stored. */
    default boolean linked() {
        return this instanceof Linked;
    }

    /** A short sentence saying what happened; never the identifier, so it may be logged. */
    String reason();
}
