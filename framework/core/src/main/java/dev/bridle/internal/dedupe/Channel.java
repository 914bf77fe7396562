package dev.bridle.internal.dedupe;

import dev.bridle.guard.ActionKind;
import java.util.Optional;

/**
 * Where a text goes, which decides what it is compared with. Posts and replies are public and are compared with each
 * other: a reply is a post. Direct messages are compared only with direct messages: sending a consenting user the link
 * to a public post is not posting it twice, but sending many users the same message is bulk messaging.
 */
public enum Channel {
    /** Posts and replies. */
    PUBLIC,
    /** Direct messages. */
    DIRECT;

    /** The channel of an action that carries text, or empty for follows, likes and reposts. */
    public static Optional<Channel> of(ActionKind kind) {
        return switch (kind) {
            case POST, REPLY -> Optional.of(PUBLIC);
            case DIRECT_MESSAGE -> Optional.of(DIRECT);
            default -> Optional.empty();
        };
    }
}
