package dev.bridle.sandbox.internal.limits;

import dev.bridle.sandbox.internal.api.ErrorCode;
import java.time.Duration;
import java.util.Objects;

/**
 * One endpoint's published per-user limit.
 *
 * @param endpointId "METHOD /template"
 * @param limit requests per window
 * @param window the window length (15 minutes unless the source says otherwise)
 * @param whenOver the error once the window is used up: 429 / 88 for a rate limit, a 403 code for the v1.1 "update
 *     limits" that the platform reports as such
 * @param source where the number comes from
 */
public record RateLimit(String endpointId, int limit, Duration window, ErrorCode whenOver, String source) {
    public RateLimit {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(whenOver, "whenOver");
        Objects.requireNonNull(source, "source");
    }

    public RateLimit withLimit(int newLimit) {
        return new RateLimit(endpointId, newLimit, window, whenOver, source + " (overridden: " + newLimit + ")");
    }
}
