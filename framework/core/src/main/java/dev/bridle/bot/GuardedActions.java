package dev.bridle.bot;

/**
 * The actions a bot can take on the platform, each checked by the guard chain before anything is sent: environment,
 * opt-out, consent, content validity, duplicates and throttles.
 *
 * <p>Every call is recorded in the ledger, allowed or not, and answers with what happened. A post or reply
 * that @mentions users targets each of them, so it needs their consent as well. None of these methods throws for a
 * denial; they throw only for a programming error such as a {@code null} argument.
 */
public interface GuardedActions {

    /** Posts {@code text} from the bot's account. */
    ActionResult post(String text);

    /** Replies to the post of {@code mention}; targets its author and anyone @mentioned in {@code text}. */
    ActionResult reply(Mention mention, String text);

    /** Replies to {@code post}; targets its author (when known) and anyone @mentioned in {@code text}. */
    ActionResult reply(PostRef post, String text);

    /** Sends a direct message to {@code recipient}. */
    ActionResult directMessage(UserRef recipient, String text);

    /** Follows {@code user}. */
    ActionResult follow(UserRef user);

    /** Stops following {@code user}. */
    ActionResult unfollow(UserRef user);

    /** Likes {@code post}. */
    ActionResult like(PostRef post);

    /** Reposts {@code post}. */
    ActionResult repost(PostRef post);
}
