package dev.bridle.sandbox.audience;

import java.util.Objects;

/** What a simulated user does in a step or a reaction. */
public sealed interface Act {

    /**
     * Posts a mention of the account ({@code @account} is put in front unless the text names it). {@link #LATEST_POST}
     * in the text becomes a link to the account's latest post, as a person quoting it would paste.
     */
    record Mention(String text) implements Act {
        /** Stands for a link to the account's latest post. */
        public static final String LATEST_POST = "{latest-post}";

        public Mention {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Sends the account a direct message. */
    record Dm(String text) implements Act {
        public Dm {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Replies to the account's post that triggered a reaction; in a timed step (or after a non-post trigger) it replies
     * to the account's latest post, or mentions the account when it has none.
     */
    record Reply(String text) implements Act {
        public Reply {
            Objects.requireNonNull(text, "text");
        }
    }

    static Act mention(String text) {
        return new Mention(text);
    }

    static Act dm(String text) {
        return new Dm(text);
    }

    static Act reply(String text) {
        return new Reply(text);
    }
}
