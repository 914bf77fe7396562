package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.AccountActions;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.List;

/** Follow, unfollow, and the following list (what a client reconciles in-doubt follows against). */
public final class FollowsV2 {
    private final AccountActions actions;
    private final World world;

    public FollowsV2(AccountActions actions, World world) {
        this.actions = actions;
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/2/users/:id/following", ApiVersion.V2, this::follow),
                new Route(
                        "DELETE", "/2/users/:source_user_id/following/:target_user_id", ApiVersion.V2, this::unfollow),
                new Route("GET", "/2/users/:id/following", ApiVersion.V2, this::following));
    }

    /** 200 {@code {"data":{"following":true,"pending_follow":false}}}. */
    ApiResponse follow(ApiRequest request) {
        V2Paths.requireSelf(request, "id");
        String target = V2Paths.required(request.json(), "target_user_id");
        actions.follow(request.user(), target);
        ObjectNode out = Json.object();
        out.putObject("data").put("following", true).put("pending_follow", false);
        return ApiResponse.ok(out);
    }

    /** 200 {@code {"data":{"following":false}}}. */
    ApiResponse unfollow(ApiRequest request) {
        V2Paths.requireSelf(request, "source_user_id");
        actions.unfollow(request.user(), request.path("target_user_id"));
        ObjectNode out = Json.object();
        out.putObject("data").put("following", false);
        return ApiResponse.ok(out);
    }

    /** The users someone follows, most recent first; {@code {"meta":{"result_count":0}}} when none. */
    ApiResponse following(ApiRequest request) {
        UserRecord user = V2Paths.user(world, request, "id");
        int max = request.intParam("max_results", 1, 1000, 100, ErrorCode.INVALID_PARAMETER);
        List<UserRecord> followed = world.followingOf(user.id()).stream()
                .map(id -> world.userById(id).orElseThrow())
                .toList();
        Page<UserRecord> page = Page.byOffset(followed, request.param("pagination_token"), max);
        ObjectNode out = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode data = out.putArray("data");
            page.items().forEach(u -> data.add(V2Json.user(u, request.list("user.fields"))));
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("result_count", page.items().size());
        if (page.nextToken() != null) {
            meta.put("next_token", page.nextToken());
        }
        return ApiResponse.ok(out);
    }
}
