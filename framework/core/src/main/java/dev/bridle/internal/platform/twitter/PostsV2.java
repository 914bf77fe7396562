package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.platform.PlatformException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /2/tweets} (with {@code reply.in_reply_to_tweet_id}) and {@code GET /2/users/:id/tweets}. */
final class PostsV2 implements Posts {

    /** Pages read back through the account's timeline when reconciling: 500 posts. */
    static final int MAX_PAGES = 5;

    private final Urls urls;

    PostsV2(Urls urls) {
        this.urls = urls;
    }

    @Override
    public String create(Session session, String text, String inReplyTo) throws PlatformException {
        ObjectNode body = Json.object().put("text", text);
        if (inReplyTo != null) {
            body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo);
        }
        Response r = session.http().postJson(Endpoint.V2_CREATE_POST, urls.v2() + "tweets", body);
        return Json.required(r.data(), "id", Endpoint.V2_CREATE_POST);
    }

    @Override
    public Window<SeenPost> recent(Session session, String userId, Instant notBefore) throws PlatformException {
        List<SeenPost> seen = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("max_results", "100");
        query.put("tweet.fields", "created_at,referenced_tweets,entities");
        V2Pages.End end = V2Pages.read(
                session, Endpoint.V2_USER_POSTS, urls.v2() + "users/" + userId + "/tweets", query, MAX_PAGES, body -> {
                    for (JsonNode post : body.path("data")) {
                        SeenPost p = seen(post);
                        if (p.createdAt() != null && p.createdAt().isBefore(notBefore)) {
                            return true;
                        }
                        seen.add(p);
                    }
                    return false;
                });
        return new Window<>(seen, end.complete());
    }

    private static SeenPost seen(JsonNode post) {
        String inReplyTo = null;
        String repostOf = null;
        for (JsonNode ref : post.path("referenced_tweets")) {
            String type = Json.text(ref, "type");
            if ("replied_to".equals(type)) {
                inReplyTo = Json.text(ref, "id");
            } else if ("retweeted".equals(type)) {
                repostOf = Json.text(ref, "id");
            }
        }
        return new SeenPost(
                Json.text(post, "id"),
                repostOf == null ? Json.v2PostText(post) : null,
                Json.v2Time(post),
                inReplyTo,
                repostOf);
    }
}
