package dev.bridle.sandbox.internal.limits;

import dev.bridle.sandbox.internal.api.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-user rate limits the sandbox enforces, one row per endpoint, each with its source. The shared reference notes
 * are shared/reference/x-api-v2.md §3 and x-api-and-bot-frameworks.md §2.3.
 *
 * <p>v2 rows use the current docs' per-user column (docs.x.com {@code x-api/fundamentals/rate-limits.mdx}, 2026-07-24).
 * Where recorded traffic showed another number it is named, and {@code SandboxLimits.withRateLimit} sets it. v1.1 rows
 * use "Standard API rate limits per window"; the three POSTs there are update limits with long windows, answered with
 * 403 and their code (185, 161, 151) rather than 429.
 */
public final class PublishedRateLimits {
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
    private static final String V2_DOCS = "docs.x.com rate-limits.mdx (2026-07-24), per user";
    private static final String V1_DOCS = "developer.x.com Standard API rate limits per window, per user";

    private static final List<RateLimit> ROWS = List.of(
            v2("POST /2/tweets", 100, V2_DOCS + "; 200 in 2021-22 recordings and the manage-tweets page"),
            v2("DELETE /2/tweets/:id", 50, V2_DOCS + "; 50 recorded"),
            v2("GET /2/users/:id/tweets", 900, V2_DOCS + "; 1500 recorded (app limit)"),
            v2("GET /2/users/:id/mentions", 300, V2_DOCS + "; app limit 450, 450 recorded"),
            v2("GET /2/users/me", 75, V2_DOCS + "; 75 recorded"),
            v2("GET /2/users/by/username/:username", 900, V2_DOCS + "; app limit 300, 300 recorded"),
            v2("GET /2/users/:id", 900, V2_DOCS + "; app limit 300"),
            v2("GET /2/tweets/:id", 900, V2_DOCS + "; app limit 450"),
            v2("GET /2/tweets", 5000, V2_DOCS + "; app limit 3,500"),
            v2("GET /2/tweets/search/recent", 300, V2_DOCS + "; app limit 450"),
            // Follows lookup: 300 per 15 min per user and per app (xdevplatform/docs
            // x-api/fundamentals/rate-limits.mdx,
            // "Follows lookup"); the 15 on the older follows migration page is the v1.1-era figure.
            v2("GET /2/users/:id/followers", 300, V2_DOCS + ", follows lookup; app limit 300"),
            v2("GET /2/users/:id/following", 300, V2_DOCS + ", follows lookup; app limit 300"),
            v2("POST /2/users/:id/following", 50, V2_DOCS + "; 50 recorded"),
            v2("DELETE /2/users/:source_user_id/following/:target_user_id", 50, V2_DOCS + "; 50 recorded"),
            v2(
                    "GET /2/tweets/search/stream/rules",
                    450,
                    "xdevplatform/docs rate-limits.mdx, filtered stream: 450 per 15 min per app (app-only; the sandbox"
                            + " counts it per signing account)"),
            v2(
                    "POST /2/tweets/search/stream/rules",
                    100,
                    "xdevplatform/docs rate-limits.mdx, filtered stream: 100 per 15 min per app (app-only; the sandbox"
                            + " counts it per signing account)"),
            v2("POST /2/users/:id/likes", 50, V2_DOCS + " (also 1,000 per 24 h); 50 recorded"),
            v2(
                    "GET /2/users/:id/liked_tweets",
                    75,
                    "docs.x.com likes lookup, 75 per 15 min per user " + "(not in the shared reference notes)"),
            v2("POST /2/users/:id/retweets", 50, V2_DOCS + "; 50 recorded"),
            v2(
                    "POST /2/dm_conversations/with/:participant_id/messages",
                    15,
                    V2_DOCS + " (also 1,440 per 24 h); 200 recorded in 2022"),
            v2("GET /2/dm_events", 15, V2_DOCS + "; 300 recorded in 2022"),
            new RateLimit(
                    "POST /1.1/statuses/update.json",
                    300,
                    Duration.ofHours(3),
                    ErrorCode.DAILY_STATUS_LIMIT,
                    V1_DOCS + ": 300 per 3 h, shared with retweets, 403 when over"),
            new RateLimit(
                    "POST /1.1/friendships/create.json",
                    400,
                    Duration.ofHours(24),
                    ErrorCode.FOLLOW_LIMIT,
                    V1_DOCS + ": 400 per 24 h (app 1,000)"),
            v1("POST /1.1/friendships/destroy.json", 15, "not listed; the docs' default of 15 per window"),
            new RateLimit(
                    "POST /1.1/direct_messages/events/new.json",
                    1000,
                    Duration.ofHours(24),
                    ErrorCode.DM_LIMIT,
                    V1_DOCS + ": 1,000 per 24 h (app 15,000)"),
            v1("GET /1.1/statuses/mentions_timeline.json", 75, V1_DOCS + " (75 in rate_limit_status samples)"),
            v1(
                    "GET /1.1/statuses/user_timeline.json",
                    900,
                    "developer.x.com user_timeline reference, 900 per user " + "(not in the shared reference notes)"),
            v1(
                    "GET /1.1/users/lookup.json",
                    900,
                    "developer.x.com users/lookup reference, 900 per user " + "(not in the shared reference notes)"),
            v1(
                    "GET /1.1/account/verify_credentials.json",
                    75,
                    "developer.x.com verify_credentials reference, 75 "
                            + "per user (not in the shared reference notes)"));

    /** The default for an endpoint missing from the table: "endpoints not listed default to 15". */
    static final int UNLISTED_LIMIT = 15;

    private PublishedRateLimits() {}

    /** The table, with overrides applied. */
    public static Map<String, RateLimit> table(Map<String, Integer> overrides) {
        Map<String, RateLimit> table = new LinkedHashMap<>();
        for (RateLimit row : ROWS) {
            Integer override = overrides.get(row.endpointId());
            table.put(row.endpointId(), override == null ? row : row.withLimit(override));
        }
        for (String endpoint : overrides.keySet()) {
            if (!table.containsKey(endpoint)) {
                throw new IllegalArgumentException(
                        "no endpoint " + endpoint + " to override the rate limit of; " + "known: " + table.keySet());
            }
        }
        return table;
    }

    /** The row for an endpoint, or the unlisted default. */
    public static RateLimit unlisted(String endpointId) {
        return new RateLimit(
                endpointId,
                UNLISTED_LIMIT,
                FIFTEEN_MINUTES,
                ErrorCode.RATE_LIMITED,
                "not listed; the docs' default of 15 per window");
    }

    private static RateLimit v2(String endpoint, int limit, String source) {
        return new RateLimit(endpoint, limit, FIFTEEN_MINUTES, ErrorCode.RATE_LIMITED, source);
    }

    private static RateLimit v1(String endpoint, int limit, String source) {
        return new RateLimit(endpoint, limit, FIFTEEN_MINUTES, ErrorCode.RATE_LIMITED, source);
    }
}
