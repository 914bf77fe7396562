package dev.bridle.internal.runtime;

import dev.bridle.platform.Platform;
import dev.bridle.platform.RateLimitFeedback;

/**
 * Where the runtime gets its platform. The platform is connected after the throttles exist, so that every rate-limit
 * header it sees feeds the same limiter the guards use.
 */
@FunctionalInterface
public interface PlatformSource {

    /**
     * Connects, reporting rate limits to {@code feedback}; an {@link AutoCloseable} result is closed with the runtime.
     */
    Platform connect(RateLimitFeedback feedback);

    /** An already connected platform (tests, embedding); it hears nothing of rate limits from here. */
    static PlatformSource of(Platform platform) {
        return feedback -> platform;
    }
}
