package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;
import java.util.Map;

/**
 * {@code POST /2/users/:id/likes} and {@code POST /2/users/:id/retweets} ({@code tweet_id}), used with either API; and
 * {@code GET /2/users/:id/liked_tweets} to reconcile a like. Both writes are idempotent on the platform: liking a liked
 * post changes nothing.
 */
final class EngagementV2 {

    /** Pages of liked posts read when reconciling: the 500 most recent likes. */
    static final int MAX_PAGES = 5;

    private final Urls urls;

    EngagementV2(Urls urls) {
        this.urls = urls;
    }

    void like(Session session, String userId, String postId) throws PlatformException {
        session.http()
                .postJson(
                        Endpoint.V2_LIKE,
                        urls.v2() + "users/" + userId + "/likes",
                        Json.object().put("tweet_id", postId));
    }

    void repost(Session session, String userId, String postId) throws PlatformException {
        session.http()
                .postJson(
                        Endpoint.V2_REPOST,
                        urls.v2() + "users/" + userId + "/retweets",
                        Json.object().put("tweet_id", postId));
    }

    /**
     * Whether the account likes {@code postId} now.
     *
     * @throws PlatformException if it has more recent likes than are read, and not that one
     */
    boolean liked(Session session, String userId, String postId) throws PlatformException {
        V2Pages.End end = V2Pages.read(
                session,
                Endpoint.V2_LIKED,
                urls.v2() + "users/" + userId + "/liked_tweets",
                Map.of("max_results", "100"),
                MAX_PAGES,
                body -> V2Pages.hasItem(body, postId));
        return switch (end) {
            case STOPPED -> true; // found
            case LAST_PAGE -> false;
            case PAGE_LIMIT ->
                throw new PlatformException(
                        PlatformException.Kind.REJECTED,
                        "@" + session.handle() + " has more recent likes than are read; whether it likes " + postId
                                + " cannot be told");
        };
    }
}
