package dev.bridle.sandbox.internal.api;

import java.util.Map;

/**
 * The platform errors the sandbox answers with: v1.1 code, HTTP status and message as the platform returns them
 * (response-codes page; see shared/reference/x-api-and-bot-frameworks.md §2.5), and the v2 problem fields (title, type,
 * detail) where real v2 traffic shows them (x-api-v2.md §2.2).
 */
public enum ErrorCode {
    NO_USER_MATCHES(17, 404, "No user matches for specified terms.", "Not Found Error", Types.NOT_FOUND, null),
    AUTH_FAILED(32, 401, "Could not authenticate you.", "Unauthorized", Types.BLANK, "Unauthorized"),
    PAGE_NOT_FOUND(34, 404, "Sorry, that page does not exist.", "Not Found", Types.BLANK, "Not Found"),
    MISSING_PARAMETER(
            38,
            400,
            "Missing required parameter.",
            "Invalid Request",
            Types.INVALID,
            "One or more parameters to your request was invalid."),
    USER_NOT_FOUND(50, 404, "User not found.", "Not Found Error", Types.NOT_FOUND, null),
    RATE_LIMITED(88, 429, "Rate limit exceeded", "Too Many Requests", Types.BLANK, "Too Many Requests"),
    INVALID_TOKEN(89, 401, "Invalid or expired token.", "Unauthorized", Types.BLANK, "Unauthorized"),
    OVER_CAPACITY(130, 503, "Over capacity", "Service Unavailable", Types.BLANK, "Service Unavailable"),
    INTERNAL_ERROR(131, 500, "Internal error", "Internal Server Error", Types.BLANK, "Internal Server Error"),
    TIMESTAMP_OUT_OF_BOUNDS(135, 401, "Could not authenticate you.", "Unauthorized", Types.BLANK, "Unauthorized"),
    NO_STATUS(144, 404, "No status found with that ID.", "Not Found Error", Types.NOT_FOUND, null),
    /** The platform's generic DM failure; the sandbox uses it for the daily DM limit (no dedicated code known). */
    DM_LIMIT(
            151,
            403,
            "There was an error sending your message: you are over the daily direct message limit.",
            "Forbidden",
            Types.BLANK,
            null),
    CANNOT_FOLLOW_SELF(158, 403, "You can't follow yourself.", "Forbidden", Types.BLANK, null),
    FOLLOW_LIMIT(161, 403, "You are unable to follow more people at this time.", "Forbidden", Types.BLANK, null),
    CANNOT_DELETE_OTHERS(183, 403, "You may not delete another user's status.", "Forbidden", Types.BLANK, null),
    DAILY_STATUS_LIMIT(185, 403, "User is over daily status update limit.", "Forbidden", Types.BLANK, null),
    /** v1.1 answers 403; v2 answers 400 with the sentence tweepy users quote (x-api-v2.md §2.2). */
    TOO_LONG(
            186,
            403,
            "Tweet needs to be a bit shorter.",
            "Bad Request",
            Types.BLANK,
            "Your Tweet text is too long. For more information on how Twitter determines text length see "
                    + "https://github.com/twitter/twitter-text."),
    DUPLICATE(
            187,
            403,
            "Status is a duplicate.",
            "Forbidden",
            Types.BLANK,
            "You are not allowed to create a Tweet with duplicate content."),
    INVALID_PARAMETER(
            195,
            400,
            "Missing or invalid url parameter.",
            "Invalid Request",
            Types.INVALID,
            "One or more parameters to your request was invalid."),
    NOT_PERMITTED(220, 403, "Your credentials do not allow access to this resource.", "Forbidden", Types.BLANK, null),
    /**
     * OAuth 1.0a user context on an endpoint X serves app-only (the filtered stream's rules): X's body, two spaces
     * before "Supported" included (abraham/twitteroauth#1127, a POST of stream rules; plhery/node-twitter-api-v2#340).
     * X sends no code; the sandbox's {@code errors[0]} carries 220, the code X documents for a credential of the wrong
     * kind (application-only.mdx, "Your credentials do not allow access to this resource").
     */
    USER_CONTEXT_FORBIDDEN(
            220,
            403,
            "Your credentials do not allow access to this resource.",
            "Unsupported Authentication",
            "https://api.twitter.com/2/problems/unsupported-authentication",
            "Authenticating with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication"
                    + " types are [OAuth 2.0 Application-Only]."),
    LOOKS_AUTOMATED(
            226,
            403,
            "This request looks like it might be automated. To protect our users from spam and "
                    + "other malicious activity, we can't complete this action right now. Please try again later.",
            "Forbidden",
            Types.BLANK,
            null),
    WRITE_RESTRICTED(
            261,
            403,
            "Application cannot perform write actions.",
            "Forbidden",
            "https://api.twitter.com/2/problems/oauth1-permissions",
            "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint."),
    LOCKED(
            326,
            403,
            "To protect our users from spam and other malicious activity, this account is temporarily "
                    + "locked. Please log in to https://twitter.com to unlock your account.",
            "Forbidden",
            Types.BLANK,
            null),
    CANNOT_DM(349, 403, "You cannot send messages to this user.", "Forbidden", Types.BLANK, null),
    REPLY_TARGET_GONE(
            385,
            403,
            "You attempted to reply to a Tweet that is deleted or not visible to you.",
            "Forbidden",
            Types.BLANK,
            null);

    private final int code;
    private final int status;
    private final String message;
    private final String title;
    private final String type;
    private final String detail;

    ErrorCode(int code, int status, String message, String title, String type, String detail) {
        this.code = code;
        this.status = status;
        this.message = message;
        this.title = title;
        this.type = type;
        this.detail = detail;
    }

    public int code() {
        return code;
    }

    /** The v1.1 HTTP status. */
    public int status() {
        return status;
    }

    /** The error, as a v1.1 answer and a v2 problem. */
    public ApiError error() {
        int v2Status = this == TOO_LONG ? 400 : status;
        return new ApiError(
                status, v2Status, code, message, title, type, detail == null ? message : detail, Map.of(), Map.of());
    }

    /** The exception carrying {@link #error()}. */
    public ApiException exception() {
        return new ApiException(error());
    }

    /** The exception, with the v1.1 message and the v2 detail replaced. */
    public ApiException exception(String message, String detail) {
        ApiError e = error();
        return new ApiException(
                new ApiError(e.status(), e.v2Status(), code, message, e.title(), e.type(), detail, Map.of(), Map.of()));
    }

    /** The exception for a missing or bad parameter: the v2 body names it under {@code errors[0].parameters}. */
    public ApiException badParameter(String name, String value, String message) {
        ApiError e = error();
        return new ApiException(new ApiError(
                e.status(),
                e.v2Status(),
                code,
                message,
                e.title(),
                e.type(),
                e.detail(),
                Map.of(),
                Map.of(name, value == null ? "" : value)));
    }

    /** The exception for a resource that does not exist, with the resource-not-found problem's fields. */
    public ApiException notFound(String resourceType, String parameter, String value) {
        ApiError e = error();
        String detail = "Could not find " + resourceType + " with " + parameter + ": [" + value + "].";
        return new ApiException(new ApiError(
                e.status(),
                e.v2Status(),
                code,
                message,
                e.title(),
                e.type(),
                detail,
                Map.of("resource_type", resourceType, "resource_id", value, "parameter", parameter, "value", value),
                Map.of()));
    }

    private static final class Types {
        static final String BLANK = "about:blank";
        static final String INVALID = "https://api.twitter.com/2/problems/invalid-request";
        static final String NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found";
    }
}
