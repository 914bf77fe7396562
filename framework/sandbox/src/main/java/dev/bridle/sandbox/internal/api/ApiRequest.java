package dev.bridle.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.oauth.Param;
import dev.bridle.sandbox.internal.world.UserRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One authenticated API request, parsed: who sent it, path parameters, query and form parameters, and the body.
 *
 * @param user the authenticated account; {@code null} on an app-only endpoint, where the app, not an account, is the
 *     caller
 * @param pathParams values of the route's {@code :name} segments
 * @param query decoded query parameters
 * @param form decoded form-body parameters (empty unless the body is a form)
 * @param contentType the request's Content-Type, or empty
 * @param body the raw body
 * @param baseUrl {@code http://host:port/} as the client addressed the sandbox
 * @param app the consumer key of the app that signed the request or whose bearer token it carries (what per-app state,
 *     such as stream rules, is kept under)
 */
public record ApiRequest(
        UserRecord user,
        Map<String, String> pathParams,
        List<Param> query,
        List<Param> form,
        String contentType,
        byte[] body,
        String baseUrl,
        String app) {

    /** A path parameter. */
    public String path(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query or form parameter, or null. */
    public String param(String name) {
        for (Param p : query) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        for (Param p : form) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** A comma-separated parameter (e.g. {@code tweet.fields}) as a set; empty when absent. */
    public Set<String> list(String name) {
        String v = param(name);
        if (v == null || v.isBlank()) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }

    /** An integer parameter within bounds, or the default when absent; else 400. */
    public int intParam(String name, int min, int max, int defaultValue, ErrorCode invalid) {
        String v = param(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw invalid.badParameter(
                        name,
                        v,
                        "The `" + name + "` query parameter value [" + v + "] is not between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid.badParameter(name, v, "The `" + name + "` query parameter value [" + v + "] is not a number");
        }
    }

    /** A numeric id parameter, or null when absent; else 400. */
    public Long idParam(String name) {
        String v = param(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_PARAMETER.badParameter(
                    name, v, "The `" + name + "` query parameter value [" + v + "] is not a valid id");
        }
    }

    /**
     * The JSON body of a v2 write: 400 "Requests with bodies must have content-type of application/json." when the
     * content type is wrong, as the platform answers.
     */
    public JsonNode json() {
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                    "Requests with bodies must have content-type of application/json.",
                    "One or more parameters to your request was invalid.");
        }
        try {
            JsonNode node = Json.parse(new String(body, StandardCharsets.UTF_8));
            if (!node.isObject()) {
                throw new IllegalArgumentException("the body is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException e) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                    "Invalid JSON body: " + e.getMessage(), "One or more parameters to your request was invalid.");
        }
    }

    /** A text field of the JSON body (numbers are accepted as text); null when absent. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
