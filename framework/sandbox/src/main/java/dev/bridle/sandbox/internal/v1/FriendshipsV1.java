package dev.bridle.sandbox.internal.v1;

import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.world.AccountActions;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.List;

/**
 * {@code friendships/create} and {@code destroy}: the target by {@code user_id} (twitter4j puts it in the query) or
 * {@code screen_name}; the answer is the target user.
 */
public final class FriendshipsV1 {
    private final AccountActions actions;
    private final World world;

    public FriendshipsV1(AccountActions actions, World world) {
        this.actions = actions;
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/1.1/friendships/create.json", ApiVersion.V1, this::create),
                new Route("POST", "/1.1/friendships/destroy.json", ApiVersion.V1, this::destroy));
    }

    ApiResponse create(ApiRequest request) {
        UserRecord target = actions.follow(request.user(), targetId(request));
        return ApiResponse.ok(V1Json.user(target, world));
    }

    ApiResponse destroy(ApiRequest request) {
        UserRecord target = actions.unfollow(request.user(), targetId(request));
        return ApiResponse.ok(V1Json.user(target, world));
    }

    private String targetId(ApiRequest request) {
        Long userId = request.idParam("user_id");
        if (userId != null) {
            return world.userById(userId.toString())
                    .map(UserRecord::id)
                    .orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
        }
        String screenName = request.param("screen_name");
        if (screenName == null) {
            throw ErrorCode.MISSING_PARAMETER.exception(
                    "Missing required parameter: user_id or screen_name.",
                    "One or more parameters to your request was invalid.");
        }
        return world.userByHandle(screenName).map(UserRecord::id).orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
    }
}
