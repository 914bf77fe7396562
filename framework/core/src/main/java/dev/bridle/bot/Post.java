package dev.bridle.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * A post as the platform showed it when read: who wrote it, its text as written (links unwrapped), when, and what it
 * replies to. A snapshot, not a live view: the post may since have been edited or deleted.
 *
 * @param id the platform's id for the post
 * @param author its author, with the handle when the platform gave it
 * @param text its text as written
 * @param createdAt when it was posted
 * @param inReplyToPostId the post it replies to, or {@code null}
 */
public record Post(String id, UserRef author, String text, Instant createdAt, String inReplyToPostId) {

    public Post {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The post as a reference (what a reply or a like targets). */
    public PostRef ref() {
        return new PostRef(id, author);
    }
}
