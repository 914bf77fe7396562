package dev.bridle.internal.platform.twitter;

import dev.bridle.internal.config.PlatformConfig.ApiVersion;

/** The adapter configured for v1.1, for tiers that still have it (likes, reposts and some reads stay on v2). */
class V11TwitterPlatformTest extends TwitterPlatformContract {

    @Override
    ApiVersion api() {
        return ApiVersion.V1_1;
    }

    @Override
    String golden() {
        return "v1.1";
    }

    @Override
    String postEndpoint() {
        return "POST /1.1/statuses/update.json";
    }

    @Override
    String mentionsEndpoint() {
        return "GET /1.1/statuses/mentions_timeline.json";
    }
}
