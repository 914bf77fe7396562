package dev.bridle.sandbox.internal.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint: method, path template ({@code :name} segments are parameters) and handler.
 *
 * @param method the HTTP method
 * @param template e.g. {@code /2/users/:id/following}
 * @param version the API it belongs to
 * @param handler what answers it
 */
public record Route(String method, String template, ApiVersion version, Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(handler, "handler");
    }

    /** {@code "METHOD /template"}: how rate limits, fault rules and the docs name the endpoint. */
    public String endpointId() {
        return method + " " + template;
    }

    /** Whether the endpoint changes state (write permission needed). */
    public boolean isWrite() {
        return !method.equals("GET");
    }

    /** The path parameters when {@code path} matches this route. */
    public Optional<Map<String, String>> match(String requestMethod, String path) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        return PathTemplate.match(template, path);
    }
}
