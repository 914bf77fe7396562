package dev.bridle.internal.inbound;

import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import java.time.Instant;
import java.util.Objects;

/** A mention or direct message that reached one of the operator's accounts. */
public sealed interface InboundEvent {

    /** What kind of message this is; also the key of its polling cursor. */
    enum Kind {
        MENTION,
        DIRECT_MESSAGE
    }

    /** A post mentioning {@code account}. */
    record MentionEvent(Account account, Mention mention) implements InboundEvent {
        public MentionEvent {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(mention, "mention");
        }

        @Override
        public Kind kind() {
            return Kind.MENTION;
        }

        @Override
        public String id() {
            return mention.postId();
        }

        @Override
        public UserRef author() {
            return mention.author();
        }

        @Override
        public String text() {
            return mention.text();
        }

        @Override
        public Instant at() {
            return mention.createdAt();
        }
    }

    /** A direct message to {@code account}. */
    record MessageEvent(Account account, DirectMessage message) implements InboundEvent {
        public MessageEvent {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Kind kind() {
            return Kind.DIRECT_MESSAGE;
        }

        @Override
        public String id() {
            return message.eventId();
        }

        @Override
        public UserRef author() {
            return message.sender();
        }

        @Override
        public String text() {
            return message.text();
        }

        @Override
        public Instant at() {
            return message.receivedAt();
        }
    }

    /** The account it reached. */
    Account account();

    Kind kind();

    /** The platform's id of the post or message event. */
    String id();

    /** Who wrote it. */
    UserRef author();

    String text();

    /** When the platform says it was written. */
    Instant at();
}
