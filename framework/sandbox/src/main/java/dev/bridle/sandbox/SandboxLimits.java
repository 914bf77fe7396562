package dev.bridle.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The account limits the sandbox enforces, beyond the per-endpoint 15-minute windows. Defaults are the platform's
 * published account limits ("Twitter limits" help page: 2,400 posts, 400 follows, 500 direct messages per day); each
 * can be lowered so a test reaches it quickly.
 *
 * <p>Rate windows per endpoint come from the sandbox's table of published limits; {@link #withRateLimit} overrides one
 * endpoint's per-window count (endpoint ids as listed by {@link Sandbox#endpoints()}).
 *
 * @param dailyPosts posts, replies and reposts per account per rolling 24 h (then 403, code 185)
 * @param dailyFollows follows per account per rolling 24 h (then 403, code 161)
 * @param dailyDms direct messages per account per rolling 24 h (then 403, code 151)
 * @param duplicateWindow how far back an account's own posts count for the duplicate check (code 187)
 * @param timestampTolerance how far an {@code oauth_timestamp} may be from the sandbox clock (else code 135)
 * @param rateLimitOverrides per-window request counts that replace the published ones, by endpoint id
 */
public record SandboxLimits(
        int dailyPosts,
        int dailyFollows,
        int dailyDms,
        Duration duplicateWindow,
        Duration timestampTolerance,
        Map<String, Integer> rateLimitOverrides) {

    /** Posts per day: "Tweets: 2,400 per day" (help.twitter.com, Twitter limits). */
    public static final int DEFAULT_DAILY_POSTS = 2_400;
    /** Follows per day: "Following: 400 per day" (same page). */
    public static final int DEFAULT_DAILY_FOLLOWS = 400;
    /** Direct messages per day: 500 in the Nov 2022 revision of the same page (older revisions said 1,000). */
    public static final int DEFAULT_DAILY_DMS = 500;
    /** The platform does not publish it; a day covers "the same status twice in a row" and then some. */
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofHours(24);
    /** The platform rejects timestamps "ahead or behind our acceptable range"; 5 minutes is the usual bound. */
    public static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    public SandboxLimits {
        requirePositive(dailyPosts, "dailyPosts");
        requirePositive(dailyFollows, "dailyFollows");
        requirePositive(dailyDms, "dailyDms");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        Objects.requireNonNull(timestampTolerance, "timestampTolerance");
        if (duplicateWindow.isNegative() || timestampTolerance.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        rateLimitOverrides = Map.copyOf(rateLimitOverrides);
        rateLimitOverrides.forEach((endpoint, limit) -> requirePositive(limit, "rate limit of " + endpoint));
    }

    /** The published defaults. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(
                DEFAULT_DAILY_POSTS,
                DEFAULT_DAILY_FOLLOWS,
                DEFAULT_DAILY_DMS,
                DEFAULT_DUPLICATE_WINDOW,
                DEFAULT_TIMESTAMP_TOLERANCE,
                Map.of());
    }

    public SandboxLimits withDailyPosts(int n) {
        return new SandboxLimits(n, dailyFollows, dailyDms, duplicateWindow, timestampTolerance, rateLimitOverrides);
    }

    public SandboxLimits withDailyFollows(int n) {
        return new SandboxLimits(dailyPosts, n, dailyDms, duplicateWindow, timestampTolerance, rateLimitOverrides);
    }

    public SandboxLimits withDailyDms(int n) {
        return new SandboxLimits(dailyPosts, dailyFollows, n, duplicateWindow, timestampTolerance, rateLimitOverrides);
    }

    public SandboxLimits withDuplicateWindow(Duration d) {
        return new SandboxLimits(dailyPosts, dailyFollows, dailyDms, d, timestampTolerance, rateLimitOverrides);
    }

    public SandboxLimits withTimestampTolerance(Duration d) {
        return new SandboxLimits(dailyPosts, dailyFollows, dailyDms, duplicateWindow, d, rateLimitOverrides);
    }

    /**
     * Replaces one endpoint's requests per window, e.g. {@code withRateLimit("POST /2/tweets", 200)} for the value
     * recorded in 2021-22 traffic.
     */
    public SandboxLimits withRateLimit(String endpointId, int limit) {
        Map<String, Integer> copy = new HashMap<>(rateLimitOverrides);
        copy.put(Objects.requireNonNull(endpointId, "endpointId"), limit);
        return new SandboxLimits(dailyPosts, dailyFollows, dailyDms, duplicateWindow, timestampTolerance, copy);
    }

    private static void requirePositive(int n, String what) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + n);
        }
    }
}
