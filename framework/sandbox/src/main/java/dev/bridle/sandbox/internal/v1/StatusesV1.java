package dev.bridle.sandbox.internal.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

/** {@code statuses/update}, {@code statuses/mentions_timeline} and {@code statuses/user_timeline}. */
public final class StatusesV1 {
    private final AccountActions actions;
    private final World world;

    public StatusesV1(AccountActions actions, World world) {
        this.actions = actions;
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/1.1/statuses/update.json", ApiVersion.V1, this::update),
                new Route("GET", "/1.1/statuses/mentions_timeline.json", ApiVersion.V1, this::mentions),
                new Route("GET", "/1.1/statuses/user_timeline.json", ApiVersion.V1, this::userTimeline));
    }

    /** Form parameters {@code status} and {@code in_reply_to_status_id}; answers the new status. */
    ApiResponse update(ApiRequest request) {
        String status = request.param("status");
        Long inReplyTo = request.idParam("in_reply_to_status_id");
        SandboxPost post = actions.post(request.user(), status, inReplyTo == null ? null : inReplyTo.toString());
        return ApiResponse.ok(V1Json.status(post, world, extended(request)));
    }

    ApiResponse mentions(ApiRequest request) {
        return timeline(request, world.mentionsOf(request.user()));
    }

    ApiResponse userTimeline(ApiRequest request) {
        UserRecord user = request.user();
        Long userId = request.idParam("user_id");
        String screenName = request.param("screen_name");
        if (userId != null) {
            user = world.userById(userId.toString()).orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
        } else if (screenName != null) {
            user = world.userByHandle(screenName).orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
        }
        boolean excludeReplies = "true".equals(request.param("exclude_replies"));
        boolean includeRts = !"false".equals(request.param("include_rts"));
        List<SandboxPost> posts = world.postsBy(user.id()).stream()
                .filter(p -> !p.deleted())
                .filter(p -> !(excludeReplies && p.isReply()))
                .filter(p -> includeRts || !p.isRepost())
                .toList();
        return timeline(request, posts);
    }

    /** Newest first; {@code since_id} exclusive, {@code max_id} inclusive, {@code count} up to 200 (default 20). */
    private ApiResponse timeline(ApiRequest request, List<SandboxPost> oldestFirst) {
        Long sinceId = request.idParam("since_id");
        Long maxId = request.idParam("max_id");
        int count = request.intParam("count", 1, 200, 20, ErrorCode.INVALID_PARAMETER);
        List<SandboxPost> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        ArrayNode out = Json.array();
        boolean extended = extended(request);
        newestFirst.stream()
                .filter(p -> sinceId == null || Long.parseLong(p.id()) > sinceId)
                .filter(p -> maxId == null || Long.parseLong(p.id()) <= maxId)
                .limit(count)
                .forEach(p -> out.add(V1Json.status(p, world, extended)));
        return ApiResponse.ok(out);
    }

    private static boolean extended(ApiRequest request) {
        return "extended".equals(request.param("tweet_mode"));
    }
}
