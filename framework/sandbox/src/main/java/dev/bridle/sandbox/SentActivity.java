package dev.bridle.sandbox;

import java.util.List;

/**
 * Everything one account did through the API, oldest first: what a test asserts on after a bot ran.
 *
 * @param handle the account
 * @param posts original posts (not replies, not reposts), deleted ones included and marked
 * @param replies posts that reply to another post
 * @param dms direct messages the account sent
 * @param follows follow and unfollow actions
 * @param likes likes
 * @param reposts reposts (retweets)
 */
public record SentActivity(
        String handle,
        List<SandboxPost> posts,
        List<SandboxPost> replies,
        List<SandboxDm> dms,
        List<SandboxFollow> follows,
        List<SandboxLike> likes,
        List<SandboxPost> reposts) {

    public SentActivity {
        posts = List.copyOf(posts);
        replies = List.copyOf(replies);
        dms = List.copyOf(dms);
        follows = List.copyOf(follows);
        likes = List.copyOf(likes);
        reposts = List.copyOf(reposts);
    }

    /** Whether the account did nothing at all. */
    public boolean isEmpty() {
        return posts.isEmpty()
                && replies.isEmpty()
                && dms.isEmpty()
                && follows.isEmpty()
                && likes.isEmpty()
                && reposts.isEmpty();
    }
}
