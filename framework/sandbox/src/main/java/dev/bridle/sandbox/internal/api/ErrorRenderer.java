package dev.bridle.sandbox.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.internal.json.Json;

/**
 * Renders an {@link ApiError} in the shape of the API it answers for.
 *
 * <p>v1.1: {@code {"errors":[{"code":187,"message":"Status is a duplicate."}]}}.
 *
 * <p>v2: the problem shape real traffic shows ({@code title, type, status, detail}), <em>plus</em> an {@code errors}
 * array whose first element carries {@code code} and {@code message}. The extra array is the sandbox's addition:
 * twitter4j's {@code TwitterException} reads only {@code errors[0].code} and {@code errors[0].message} from an error
 * body, so without it a Java client sees code -1 for every v2 error and cannot tell a duplicate from a locked account.
 * Real v2 invalid-request bodies already carry an {@code errors} array (with {@code parameters} and {@code message}),
 * so clients that read the problem fields ignore it, and clients that read {@code errors[0]} get the v1.1 code the
 * platform documents for the case.
 */
public final class ErrorRenderer {
    private ErrorRenderer() {}

    public static ApiResponse render(ApiVersion version, ApiError error) {
        return version == ApiVersion.V1 ? v1(error) : v2(error);
    }

    private static ApiResponse v1(ApiError error) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("code", error.code()).put("message", error.message());
        return new ApiResponse(error.status(), body, java.util.Map.of());
    }

    private static ApiResponse v2(ApiError error) {
        ObjectNode body = Json.object();
        body.put("title", error.title());
        body.put("type", error.type());
        body.put("status", error.v2Status());
        body.put("detail", error.detail());
        error.problemFields().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> body.put(e.getKey(), e.getValue()));
        ObjectNode first = body.putArray("errors").addObject();
        first.put("code", error.code());
        first.put("message", error.message());
        if (!error.parameters().isEmpty()) {
            ObjectNode params = first.putObject("parameters");
            error.parameters().forEach((name, value) -> params.putArray(name).add(value));
        }
        return new ApiResponse(error.v2Status(), body, java.util.Map.of());
    }
}
