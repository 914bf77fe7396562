package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One admin endpoint.
 *
 * @param method the HTTP method
 * @param template the path under {@code /admin}, {@code :name} segments are parameters
 * @param description one line for the index page
 * @param handler what answers it (its result is the JSON body of a 200, or of a 201 for POSTs that create)
 */
record AdminRoute(
        String method, String template, String description, int status, Function<AdminRequest, JsonNode> handler) {

    static AdminRoute of(String method, String template, String description, Function<AdminRequest, JsonNode> h) {
        return new AdminRoute(method, template, description, 200, h);
    }

    static AdminRoute creating(String method, String template, String description, Function<AdminRequest, JsonNode> h) {
        return new AdminRoute(method, template, description, 201, h);
    }
}
