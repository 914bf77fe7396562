package dev.bridle.internal.platform.twitter;

import dev.bridle.bot.UserRef;
import dev.bridle.platform.PlatformException;
import java.util.Optional;

/** Looking users up, and the authenticated user. */
interface Users {

    /** The user with {@code handle} (valid, without {@code @}); empty if there is none. */
    Optional<UserRef> byHandle(Session session, String handle) throws PlatformException;

    /** The user the credentials belong to. */
    UserRef me(Session session) throws PlatformException;

    /** A lookup by handle as one API answers it. */
    @FunctionalInterface
    interface Lookup {

        /** The user found, or empty. */
        Optional<UserRef> find() throws PlatformException;
    }

    /** Runs {@code lookup}; a 404 means nobody has the handle, so it is empty too. */
    static Optional<UserRef> unlessNotFound(Lookup lookup) throws PlatformException {
        try {
            return lookup.find();
        } catch (PlatformException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
