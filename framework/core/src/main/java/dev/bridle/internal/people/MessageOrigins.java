package dev.bridle.internal.people;

/**
 * Who sent the inbound messages an account received: what tells a fact the person provided from one the bot derived.
 * The runtime answers from the record of handled inbound messages; an answer it cannot give is {@code false}, so a fact
 * of unknown origin counts as not provided and is forgotten with the rest.
 */
@FunctionalInterface
public interface MessageOrigins {

    /** No message counts as received: every fact is taken as derived. */
    MessageOrigins NONE = (account, messageId, userId) -> false;

    /**
     * Whether {@code account} received the message {@code messageId} (a mention or a direct message) from
     * {@code userId}.
     */
    boolean receivedFrom(String account, String messageId, String userId);
}
