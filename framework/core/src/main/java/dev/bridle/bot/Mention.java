package dev.bridle.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbound post that mentions the bot's account.
 *
 * @param postId the platform id of the post
 * @param author who wrote it
 * @param text the full text of the post
 * @param createdAt when it was posted
 */
public record Mention(String postId, UserRef author, String text, Instant createdAt) {

    public Mention {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The mention as a post to reply to, like or repost. */
    public PostRef post() {
        return new PostRef(postId, author);
    }
}
