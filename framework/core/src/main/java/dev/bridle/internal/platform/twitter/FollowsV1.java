package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;
import java.util.Map;

/**
 * v1.1 {@code friendships/create} and {@code friendships/destroy}, the target's {@code user_id} in the form body
 * (signed with it).
 */
final class FollowsV1 implements Follows {

    private final Urls urls;

    FollowsV1(Urls urls) {
        this.urls = urls;
    }

    @Override
    public void follow(Session session, String userId, String targetId) throws PlatformException {
        session.http().postForm(Endpoint.V1_FOLLOW, urls.v1() + "friendships/create.json", Map.of("user_id", targetId));
    }

    @Override
    public void unfollow(Session session, String userId, String targetId) throws PlatformException {
        session.http()
                .postForm(Endpoint.V1_UNFOLLOW, urls.v1() + "friendships/destroy.json", Map.of("user_id", targetId));
    }
}
