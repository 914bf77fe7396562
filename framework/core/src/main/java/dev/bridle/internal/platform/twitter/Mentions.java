package dev.bridle.internal.platform.twitter;

import dev.bridle.bot.Mention;
import dev.bridle.platform.PlatformException;
import java.util.List;

/** Reading the posts that mention the account. */
interface Mentions {

    /** Mentions newer than {@code sinceId} (the most recent ones if {@code null}), oldest first. */
    List<Mention> since(Session session, String userId, String sinceId) throws PlatformException;
}
