package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.List;
import java.util.Optional;

/** {@code GET /2/users/me} and {@code GET /2/users/by/username/:username}. */
public final class UsersV2 {
    private final World world;

    public UsersV2(World world) {
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/2/users/me", ApiVersion.V2, this::me),
                new Route("GET", "/2/users/by/username/:username", ApiVersion.V2, this::byUsername));
    }

    ApiResponse me(ApiRequest request) {
        ObjectNode out = Json.object();
        out.set("data", V2Json.user(request.user(), request.list("user.fields")));
        return ApiResponse.ok(out);
    }

    /**
     * An unknown username is answered as the platform does: 200 with only an {@code errors} array (resource-not-found).
     * The sandbox adds {@code code} 50 and {@code message} to that element so twitter4j can read them.
     */
    ApiResponse byUsername(ApiRequest request) {
        String username = request.path("username");
        Optional<UserRecord> user = world.userByHandle(username);
        ObjectNode out = Json.object();
        if (user.isPresent()) {
            out.set("data", V2Json.user(user.get(), request.list("user.fields")));
        } else {
            ObjectNode e = out.putArray("errors").addObject();
            e.put("value", username);
            e.put("detail", "Could not find user with username: [" + username + "].");
            e.put("title", "Not Found Error");
            e.put("resource_type", "user");
            e.put("parameter", "username");
            e.put("resource_id", username);
            e.put("type", "https://api.twitter.com/2/problems/resource-not-found");
            e.put("code", 50);
            e.put("message", "User not found.");
        }
        return ApiResponse.ok(out);
    }
}
