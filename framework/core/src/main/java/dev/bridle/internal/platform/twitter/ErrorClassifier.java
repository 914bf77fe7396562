package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformException.Kind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns a platform error into a {@link PlatformException} of the {@link Kind} that says what to do. The code is the
 * v1.1 {@code errors[0].code} (the sandbox adds it to v2 bodies too); a real v2 problem body has none, so its
 * {@code type}, {@code detail} and status decide, and the code the v1.1 API documents for that case is filled in
 * (x-api-and-bot-frameworks.md §2.5, x-api-v2.md §2). Messages name the endpoint, status, code and the platform's
 * words, never a credential.
 */
final class ErrorClassifier {

    /** How long a rate limit lasts when the platform does not say: one 15-minute window. */
    static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(15);
    /** How long a daily limit lasts when the platform does not say: its windows are at most a day. */
    static final Duration DEFAULT_DAILY_WINDOW = Duration.ofHours(24);

    private static final int MAX_TEXT = 300;

    private ErrorClassifier() {}

    /**
     * An HTTP error answer.
     *
     * @param code the platform's error code, or -1
     * @param body the parsed body, or a missing node
     * @param rateReset {@code x-rate-limit-reset}, or null
     * @param dailyReset {@code x-user-limit-24hour-reset}, or null
     */
    static PlatformException classify(
            Endpoint endpoint,
            int status,
            int code,
            JsonNode body,
            Instant rateReset,
            Instant dailyReset,
            Instant now) {
        String type = body.path("type").asText("");
        String words = (body.path("errors").path(0).path("message").asText("") + " "
                        + body.path("detail").asText("") + " "
                        + body.path("title").asText(""))
                .toLowerCase(Locale.ROOT);
        int effective = code > 0 ? code : inferredCode(endpoint, status, type, words);
        Kind kind = kindOf(endpoint, status, effective, type, words);
        Instant retryAt = switch (kind) {
            case RATE_LIMITED ->
                rateReset != null && rateReset.isAfter(now) ? rateReset : now.plus(DEFAULT_RATE_WINDOW);
            case DAILY_LIMIT ->
                dailyReset != null && dailyReset.isAfter(now) ? dailyReset : now.plus(DEFAULT_DAILY_WINDOW);
            default -> null;
        };
        String message =
                endpoint + " answered " + status + (effective > 0 ? ", code " + effective : "") + ": " + said(body);
        return new PlatformException(kind, message, status, effective, retryAt, null);
    }

    /** A call that got no answer: certainly not applied if the connection was never made, else in doubt for a write. */
    static PlatformException network(Endpoint endpoint, Throwable cause) {
        boolean neverConnected = cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException
                || (cause instanceof SocketTimeoutException
                        && "connect timed out".equalsIgnoreCase(String.valueOf(cause.getMessage())));
        Kind kind = neverConnected || !endpoint.writes() ? Kind.NOT_APPLIED : Kind.IN_DOUBT;
        String what = cause == null
                ? "no answer"
                : cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " (" + cut(cause.getMessage()) + ")");
        String meaning = kind == Kind.NOT_APPLIED
                ? (endpoint.writes() ? "the request never reached the platform" : "nothing was read")
                : "the request may have been applied";
        return new PlatformException(kind, endpoint + " got no answer: " + what + "; " + meaning, -1, -1, null, cause);
    }

    private static Kind kindOf(Endpoint endpoint, int status, int code, String type, String words) {
        switch (code) {
            case 88:
                return Kind.RATE_LIMITED;
            case 185, 161:
                return Kind.DAILY_LIMIT;
            case 187:
                return Kind.DUPLICATE;
            case 226, 326, 261, 64, 416:
                return Kind.ACCOUNT_RESTRICTED;
            case 89, 32, 215:
                return Kind.BAD_CREDENTIALS;
            case 151:
                return words.contains("limit") ? Kind.DAILY_LIMIT : Kind.REJECTED;
            default:
                break;
        }
        if (status == 429 || type.endsWith("/usage-capped")) {
            return Kind.RATE_LIMITED;
        }
        if (status == 401 && code != 135) {
            return Kind.BAD_CREDENTIALS;
        }
        if (status >= 500) {
            // The platform promises nothing about a 5xx: the write may have been applied.
            return endpoint.writes() ? Kind.IN_DOUBT : Kind.NOT_APPLIED;
        }
        return Kind.REJECTED;
    }

    /** The v1.1 code a v2 problem body stands for, or -1. */
    private static int inferredCode(Endpoint endpoint, int status, String type, String words) {
        if (type.endsWith("/oauth1-permissions") || words.contains("cannot perform write actions")) {
            return 261;
        }
        if (words.contains("duplicate content") || words.contains("status is a duplicate")) {
            return 187;
        }
        if (words.contains("temporarily locked")) {
            return 326;
        }
        if (words.contains("looks like it might be automated")) {
            return 226;
        }
        if (words.contains("suspended")) {
            return 64;
        }
        if (status == 403 && words.contains("daily status update limit")) {
            return 185;
        }
        if (status == 403 && words.contains("unable to follow more")) {
            return 161;
        }
        if (status == 429 && !type.endsWith("/usage-capped")) {
            return 88;
        }
        return -1;
    }

    /** What the platform said, in one short line. */
    private static String said(JsonNode body) {
        JsonNode first = body.path("errors").path(0);
        String text = first.path("message").asText("");
        if (text.isBlank()) {
            // A v2 problem per item (a stream rule): its title and details say what is wrong with that item.
            String item =
                    first.path("details").path(0).asText(first.path("detail").asText(""));
            String title = first.path("title").asText("");
            text = item.isBlank() ? title : title.isBlank() ? item : title + ": " + item;
        }
        if (text.isBlank()) {
            text = body.path("detail").asText(body.path("title").asText(""));
        }
        return text.isBlank() ? "no details" : cut(text);
    }

    private static String cut(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
    }
}
