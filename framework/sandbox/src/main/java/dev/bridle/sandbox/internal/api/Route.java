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
 * @param auth how a request must authenticate
 */
public record Route(String method, String template, ApiVersion version, Handler handler, Auth auth) {

    /** How an endpoint authenticates its requests. */
    public enum Auth {
        /** OAuth 1.0a user context: an account's signature. */
        USER,
        /** An app-only bearer token (OAuth 2.0 client credentials), as X asks of the filtered stream's rules. */
        APP_ONLY
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(auth, "auth");
    }

    /** A user-context endpoint. */
    public Route(String method, String template, ApiVersion version, Handler handler) {
        this(method, template, version, handler, Auth.USER);
    }

    /** An endpoint served with an app-only bearer token only. */
    public static Route appOnly(String method, String template, ApiVersion version, Handler handler) {
        return new Route(method, template, version, handler, Auth.APP_ONLY);
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
