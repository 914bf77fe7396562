package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;

/** {@code POST /2/users/:id/following} ({@code target_user_id}) and {@code DELETE /2/users/:id/following/:target}. */
final class FollowsV2 implements Follows {

    private final Urls urls;

    FollowsV2(Urls urls) {
        this.urls = urls;
    }

    @Override
    public void follow(Session session, String userId, String targetId) throws PlatformException {
        session.http()
                .postJson(
                        Endpoint.V2_FOLLOW,
                        urls.v2() + "users/" + userId + "/following",
                        Json.object().put("target_user_id", targetId));
    }

    @Override
    public void unfollow(Session session, String userId, String targetId) throws PlatformException {
        session.http().delete(Endpoint.V2_UNFOLLOW, urls.v2() + "users/" + userId + "/following/" + targetId);
    }
}
