package dev.bridle.internal.runtime;

import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.platform.Platform;

/**
 * Where the runtime gets its platform. The platform is connected after the throttles exist, so that every rate-limit
 * header it sees goes to the one {@link PlatformLimits} the plan reads (a platform given to {@code Bridle.Builder} sees
 * it as its {@code RateLimitFeedback}).
 */
@FunctionalInterface
public interface PlatformSource {

    /**
     * Connects, reporting rate limits to {@code limits}; an {@link AutoCloseable} result is closed with the runtime.
     */
    Platform connect(PlatformLimits limits);

    /** An already connected platform (tests, embedding); it hears nothing of rate limits from here. */
    static PlatformSource of(Platform platform) {
        return limits -> platform;
    }
}
