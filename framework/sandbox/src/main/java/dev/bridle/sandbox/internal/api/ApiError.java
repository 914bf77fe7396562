package dev.bridle.sandbox.internal.api;

import java.util.Map;
import java.util.Objects;

/**
 * One error answer, with what both body shapes need.
 *
 * @param status HTTP status of a v1.1 answer
 * @param v2Status HTTP status of a v2 answer (they differ for a few errors, e.g. text too long)
 * @param code the platform error code
 * @param message the v1.1 message
 * @param title v2 problem title
 * @param type v2 problem type URI
 * @param detail v2 problem detail
 * @param problemFields extra top-level v2 fields (resource-not-found names the resource)
 * @param parameters the offending request parameters, for an invalid-request problem
 */
public record ApiError(
        int status,
        int v2Status,
        int code,
        String message,
        String title,
        String type,
        String detail,
        Map<String, String> problemFields,
        Map<String, String> parameters) {

    public ApiError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        problemFields = Map.copyOf(problemFields);
        parameters = Map.copyOf(parameters);
    }

    /** An error with a status and code of the caller's choosing (fault injection). */
    public static ApiError custom(int status, int code, String message) {
        return new ApiError(status, status, code, message, titleOf(status), "about:blank", message, Map.of(), Map.of());
    }

    /** The reason phrase a v2 problem uses as its title. */
    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
