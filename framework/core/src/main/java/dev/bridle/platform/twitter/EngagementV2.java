package dev.bridle.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.platform.PlatformException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /2/users/:id/likes} and {@code POST /2/users/:id/retweets} ({@code tweet_id}), used
 * with either API; and {@code GET /2/users/:id/liked_tweets} to reconcile a like. Both writes are
 * idempotent on the platform: liking a liked post changes nothing.
 */
final class EngagementV2 {

    /** Pages of liked posts read when reconciling: the 500 most recent likes. */
    static final int MAX_PAGES = 5;

    private final Urls urls;

    EngagementV2(Urls urls) {
        this.urls = urls;
    }

    void like(Session session, String userId, String postId) throws PlatformException {
        session.http().postJson(Endpoint.V2_LIKE, urls.v2() + "users/" + userId + "/likes", Json.object().put("tweet_id", postId));
    }

    void repost(Session session, String userId, String postId) throws PlatformException {
        session.http().postJson(Endpoint.V2_REPOST, urls.v2() + "users/" + userId + "/retweets",
                Json.object().put("tweet_id", postId));
    }

    /**
     * Whether the account likes {@code postId} now.
     *
     * @throws PlatformException if it has more recent likes than are read, and not that one
     */
    boolean liked(Session session, String userId, String postId) throws PlatformException {
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("max_results", "100");
            if (token != null) {
                query.put("pagination_token", token);
            }
            JsonNode body = session.http().get(Endpoint.V2_LIKED, urls.v2() + "users/" + userId + "/liked_tweets", query).body();
            for (JsonNode post : body.path("data")) {
                if (postId.equals(Json.text(post, "id"))) {
                    return true;
                }
            }
            token = Json.text(body.path("meta"), "next_token");
            if (token == null) {
                return false;
            }
        }
        throw new PlatformException(PlatformException.Kind.REJECTED, "@" + session.handle()
                + " has more recent likes than are read; whether it likes " + postId + " cannot be told");
    }
}
