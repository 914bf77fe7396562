package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mentions timeline (what a bot polls) and a user's own posts (what a client reconciles an in-doubt post against).
 * Newest first; {@code since_id}, {@code until_id}, {@code max_results} 5–100 (default 10), {@code pagination_token};
 * {@code meta} has {@code newest_id}, {@code oldest_id}, {@code result_count} and {@code next_token} unless on the last
 * page.
 */
public final class TimelinesV2 {
    private final World world;

    public TimelinesV2(World world) {
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/2/users/:id/mentions", ApiVersion.V2, this::mentions),
                new Route("GET", "/2/users/:id/tweets", ApiVersion.V2, this::tweets));
    }

    ApiResponse mentions(ApiRequest request) {
        UserRecord user = V2Paths.user(world, request, "id");
        return timeline(request, world.mentionsOf(user));
    }

    ApiResponse tweets(ApiRequest request) {
        UserRecord user = V2Paths.user(world, request, "id");
        Set<String> exclude = request.list("exclude");
        List<SandboxPost> posts = world.postsBy(user.id()).stream()
                .filter(p -> !p.deleted())
                .filter(p -> !(exclude.contains("replies") && p.isReply()))
                .filter(p -> !(exclude.contains("retweets") && p.isRepost()))
                .toList();
        return timeline(request, posts);
    }

    private ApiResponse timeline(ApiRequest request, List<SandboxPost> oldestFirst) {
        int max = request.intParam("max_results", 5, 100, 10, ErrorCode.INVALID_PARAMETER);
        List<SandboxPost> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        Page<SandboxPost> page = Page.of(
                newestFirst,
                SandboxPost::id,
                request.idParam("since_id"),
                request.idParam("until_id"),
                request.param("pagination_token"),
                max);
        ObjectNode out = Json.object();
        if (!page.items().isEmpty()) {
            Set<String> fields = request.list("tweet.fields");
            ArrayNode data = out.putArray("data");
            page.items().forEach(p -> data.add(V2Json.tweet(p, fields, world)));
            if (request.list("expansions").contains("author_id")) {
                Map<String, UserRecord> authors = new LinkedHashMap<>();
                page.items().forEach(p -> world.userById(p.authorId()).ifPresent(u -> authors.put(u.id(), u)));
                ArrayNode users = out.putObject("includes").putArray("users");
                authors.values().forEach(u -> users.add(V2Json.user(u, request.list("user.fields"))));
            }
        }
        ObjectNode meta = out.putObject("meta");
        if (!page.items().isEmpty()) {
            meta.put("newest_id", page.items().get(0).id());
            meta.put("oldest_id", page.items().get(page.items().size() - 1).id());
        }
        meta.put("result_count", page.items().size());
        if (page.nextToken() != null) {
            meta.put("next_token", page.nextToken());
        }
        return ApiResponse.ok(out);
    }
}
