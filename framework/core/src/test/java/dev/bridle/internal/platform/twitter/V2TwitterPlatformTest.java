package dev.bridle.internal.platform.twitter;

import dev.bridle.internal.config.PlatformConfig.ApiVersion;

/** The adapter on X API v2. */
class V2TwitterPlatformTest extends TwitterPlatformContract {

    @Override
    ApiVersion api() {
        return ApiVersion.V2;
    }

    @Override
    String golden() {
        return "v2";
    }

    @Override
    String postEndpoint() {
        return "POST /2/tweets";
    }

    @Override
    String mentionsEndpoint() {
        return "GET /2/users/:id/mentions";
    }
}
