package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;

/** Following and unfollowing; the receipt is the target's id. */
interface Follows {

    void follow(Session session, String userId, String targetId) throws PlatformException;

    void unfollow(Session session, String userId, String targetId) throws PlatformException;
}
