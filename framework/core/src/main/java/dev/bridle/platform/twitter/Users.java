package dev.bridle.platform.twitter;

import dev.bridle.bot.UserRef;
import dev.bridle.platform.PlatformException;
import java.util.Optional;

/** Looking users up, and the authenticated user. */
interface Users {

    /** The user with {@code handle} (valid, without {@code @}); empty if there is none. */
    Optional<UserRef> byHandle(Session session, String handle) throws PlatformException;

    /** The user the credentials belong to. */
    UserRef me(Session session) throws PlatformException;
}
