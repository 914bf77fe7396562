package dev.bridle.sandbox.internal.oauth2;

import dev.bridle.sandbox.internal.api.ErrorCode;
import java.util.Locale;

/**
 * Authenticates a request to an endpoint X serves with an app-only bearer token only (the filtered stream's rules):
 * {@code Authorization: Bearer <token>} of a token the sandbox issued and has not invalidated. A request signed with
 * OAuth 1.0a user context is X's 403 "Unsupported Authentication" ({@link ErrorCode#USER_CONTEXT_FORBIDDEN}); an
 * unknown or invalidated token is 401, code 89 (application-only.mdx: "Invalid or expired token"); no credentials at
 * all, 401.
 */
public final class BearerCheck {

    /** The outcome. */
    public sealed interface Outcome {}

    /** A valid token, issued to the app {@code consumerKey}. */
    public record Granted(String consumerKey) implements Outcome {}

    /** Refused with the platform's error, and a reason for the sandbox's log (never the token). */
    public record Refused(ErrorCode error, String reason) implements Outcome {}

    private final AppTokens tokens;

    public BearerCheck(AppTokens tokens) {
        this.tokens = tokens;
    }

    public Outcome check(String authorization) {
        String value = authorization == null ? "" : authorization.trim();
        String scheme = value.contains(" ")
                ? value.substring(0, value.indexOf(' ')).toLowerCase(Locale.ROOT)
                : value.toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "bearer" ->
                tokens.appOf(value.substring(value.indexOf(' ') + 1).trim())
                        .<Outcome>map(Granted::new)
                        .orElseGet(() -> new Refused(
                                ErrorCode.INVALID_TOKEN,
                                "a bearer token the sandbox did not issue" + " or has invalidated"));
            case "oauth" ->
                new Refused(ErrorCode.USER_CONTEXT_FORBIDDEN, "OAuth 1.0a user context on an app-only" + " endpoint");
            case "" -> new Refused(ErrorCode.AUTH_FAILED, "no Authorization header");
            default -> new Refused(ErrorCode.AUTH_FAILED, "an Authorization scheme other than Bearer");
        };
    }
}
