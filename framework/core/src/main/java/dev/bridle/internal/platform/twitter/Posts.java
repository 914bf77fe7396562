package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;
import java.time.Instant;

/** Posting, and reading the account's own recent posts back. */
interface Posts {

    /** Posts {@code text}, as a reply to {@code inReplyTo} unless it is {@code null}; returns the new post's id. */
    String create(Session session, String text, String inReplyTo) throws PlatformException;

    /** The account's own posts and reposts, newest first, back to {@code notBefore} as far as a few pages reach. */
    Window<SeenPost> recent(Session session, String userId, Instant notBefore) throws PlatformException;
}
