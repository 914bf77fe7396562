package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxLike;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.AccountActions;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Likes and reposts: 200 {@code {"data":{"liked":true}}} and {@code {"data":{"retweeted":true}}}; and the posts a user
 * liked (what a client reconciles an in-doubt like against).
 */
public final class EngagementV2 {
    private final AccountActions actions;
    private final World world;

    public EngagementV2(AccountActions actions, World world) {
        this.actions = actions;
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/2/users/:id/likes", ApiVersion.V2, this::like),
                new Route("POST", "/2/users/:id/retweets", ApiVersion.V2, this::retweet),
                new Route("GET", "/2/users/:id/liked_tweets", ApiVersion.V2, this::likedTweets));
    }

    ApiResponse like(ApiRequest request) {
        return engage(request, actions::like, "liked");
    }

    ApiResponse retweet(ApiRequest request) {
        return engage(request, actions::repost, "retweeted");
    }

    /**
     * Does {@code action} with the body's {@code tweet_id} as the path's user; answers {@code {"data":{field:true}}}.
     */
    private static ApiResponse engage(ApiRequest request, BiConsumer<UserRecord, String> action, String field) {
        V2Paths.requireSelf(request, "id");
        action.accept(request.user(), V2Paths.required(request.json(), "tweet_id"));
        ObjectNode out = Json.object();
        out.putObject("data").put(field, true);
        return ApiResponse.ok(out);
    }

    /**
     * The posts a user liked, most recently liked first; {@code max_results} 5–100 (default 100),
     * {@code pagination_token}; {@code {"meta":{"result_count":0}}} when none.
     */
    ApiResponse likedTweets(ApiRequest request) {
        UserRecord user = V2Paths.user(world, request, "id");
        int max = request.intParam("max_results", 5, 100, 100, ErrorCode.INVALID_PARAMETER);
        List<SandboxPost> liked = new ArrayList<>();
        for (SandboxLike like : world.likes()) {
            if (like.userId().equals(user.id())) {
                Optional<SandboxPost> post = world.post(like.postId()).filter(p -> !p.deleted());
                post.ifPresent(liked::add);
            }
        }
        Collections.reverse(liked);
        Page<SandboxPost> page = Page.byOffset(liked, request.param("pagination_token"), max);
        ObjectNode out = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode data = out.putArray("data");
            page.items().forEach(p -> data.add(V2Json.tweet(p, request.list("tweet.fields"), world)));
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("result_count", page.items().size());
        if (page.nextToken() != null) {
            meta.put("next_token", page.nextToken());
        }
        return ApiResponse.ok(out);
    }
}
