package dev.bridle.sandbox.internal.v2;

import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;

/** Checks shared by the v2 handlers. */
final class V2Paths {
    private V2Paths() {}

    /** A write on behalf of a user needs that user's token: 403 / 220 otherwise. */
    static void requireSelf(ApiRequest request, String param) {
        String id = request.path(param);
        if (!request.user().id().equals(id)) {
            throw ErrorCode.NOT_PERMITTED.exception(
                    ErrorCode.NOT_PERMITTED.error().message(),
                    "You are not permitted to perform this action for user id [" + id + "].");
        }
    }

    /** The user a path names: 404 / 50 when there is none. */
    static UserRecord user(World world, ApiRequest request, String param) {
        String id = request.path(param);
        return world.userById(id).orElseThrow(() -> ErrorCode.USER_NOT_FOUND.notFound("user", "id", id));
    }

    /** A required text field of a JSON body: 400 naming it when absent. */
    static String required(com.fasterxml.jackson.databind.JsonNode body, String field) {
        String v = ApiRequest.text(body, field);
        if (v == null || v.isBlank()) {
            throw ErrorCode.MISSING_PARAMETER.badParameter(field, v, "The `" + field + "` field is required.");
        }
        return v;
    }
}
