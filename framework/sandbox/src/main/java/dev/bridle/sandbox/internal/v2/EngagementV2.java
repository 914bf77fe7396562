package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.AccountActions;
import java.util.List;

/** Likes and reposts: 200 {@code {"data":{"liked":true}}} and {@code {"data":{"retweeted":true}}}. */
public final class EngagementV2 {
    private final AccountActions actions;

    public EngagementV2(AccountActions actions) {
        this.actions = actions;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/2/users/:id/likes", ApiVersion.V2, this::like),
                new Route("POST", "/2/users/:id/retweets", ApiVersion.V2, this::retweet));
    }

    ApiResponse like(ApiRequest request) {
        V2Paths.requireSelf(request, "id");
        actions.like(request.user(), V2Paths.required(request.json(), "tweet_id"));
        ObjectNode out = Json.object();
        out.putObject("data").put("liked", true);
        return ApiResponse.ok(out);
    }

    ApiResponse retweet(ApiRequest request) {
        V2Paths.requireSelf(request, "id");
        actions.repost(request.user(), V2Paths.required(request.json(), "tweet_id"));
        ObjectNode out = Json.object();
        out.putObject("data").put("retweeted", true);
        return ApiResponse.ok(out);
    }
}
