package dev.bridle.sandbox.internal.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code users/lookup} ({@code screen_name} and/or {@code user_id}, comma-separated) and verify_credentials. */
public final class UsersV1 {
    private final World world;

    public UsersV1(World world) {
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/1.1/users/lookup.json", ApiVersion.V1, this::lookup),
                new Route("GET", "/1.1/account/verify_credentials.json", ApiVersion.V1, this::verifyCredentials));
    }

    /** The users found, in request order; 404 / 17 when none is. */
    ApiResponse lookup(ApiRequest request) {
        Map<String, UserRecord> found = new LinkedHashMap<>();
        request.list("screen_name").forEach(h -> world.userByHandle(h).ifPresent(u -> found.put(u.id(), u)));
        request.list("user_id").forEach(id -> world.userById(id).ifPresent(u -> found.put(u.id(), u)));
        if (found.isEmpty()) {
            throw ErrorCode.NO_USER_MATCHES.exception();
        }
        ArrayNode out = Json.array();
        found.values().forEach(u -> out.add(V1Json.user(u, world)));
        return ApiResponse.ok(out);
    }

    ApiResponse verifyCredentials(ApiRequest request) {
        return ApiResponse.ok(V1Json.user(request.user(), world));
    }
}
