package dev.bridle.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A post (tweet) as the sandbox stores it: written by a bot account through the API, or by a simulated user through the
 * admin API or the audience script.
 *
 * @param id the post id
 * @param authorId the author's user id
 * @param authorHandle the author's handle
 * @param text the text as posted (for a repost, the original's text)
 * @param createdAt when the sandbox clock says it was created
 * @param inReplyToPostId the post it replies to, or {@code null}
 * @param inReplyToUserId the author of the post it replies to, or {@code null}
 * @param repostOfId the reposted post, or {@code null} when this is not a repost
 * @param deleted whether the author deleted it (deleted posts still count for duplicate checks)
 */
public record SandboxPost(
        String id,
        String authorId,
        String authorHandle,
        String text,
        Instant createdAt,
        String inReplyToPostId,
        String inReplyToUserId,
        String repostOfId,
        boolean deleted) {

    public SandboxPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(authorHandle, "authorHandle");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether this post replies to another post. */
    public boolean isReply() {
        return inReplyToPostId != null;
    }

    /** Whether this is a repost (retweet) of another post. */
    public boolean isRepost() {
        return repostOfId != null;
    }

    /** The same post, marked deleted. */
    public SandboxPost asDeleted() {
        return new SandboxPost(
                id, authorId, authorHandle, text, createdAt, inReplyToPostId, inReplyToUserId, repostOfId, true);
    }
}
