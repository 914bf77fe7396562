package dev.bridle.platform;

import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionRequest;
import java.util.List;
import java.util.Optional;

/**
 * The one seam to the platform. Only the runtime holds it, and only after the guard chain has allowed an action; bots
 * never see it (an architecture test holds this). The twitter4j adapter in {@code platform.twitter} is the
 * implementation; tests use Mockito or the sandbox.
 */
public interface Platform {

    /** Sends one action every guard allowed, as {@code request.account()}; returns the platform's id for it. */
    PlatformReceipt perform(ActionRequest request) throws PlatformException;

    /** Posts mentioning {@code account} newer than {@code sinceId} (all recent ones if {@code null}), oldest first. */
    List<Mention> mentionsSince(Account account, String sinceId) throws PlatformException;

    /**
     * Direct messages to {@code account} newer than {@code sinceId} (all recent ones if {@code null}), oldest first.
     */
    List<DirectMessage> directMessagesSince(Account account, String sinceId) throws PlatformException;

    /** The user with {@code handle}, looked up as {@code account}; empty if there is none. */
    Optional<UserRef> lookupHandle(Account account, String handle) throws PlatformException;

    /** Checks the account's credentials and returns it with its user id filled in. */
    Account verifyCredentials(Account account) throws PlatformException;

    /**
     * Looks on the platform for an action that may or may not have taken effect: the account's recent posts for a post,
     * reply or repost (matched by content hash, or by the post reposted), its following list for a follow or unfollow,
     * its liked posts for a like, its direct messages for a message (content hash and recipient). Only what happened at
     * or after {@code trace.notBefore()} counts.
     *
     * @return the platform's id for the action if it took effect (as {@link #perform} would have returned it), empty if
     *     it certainly did not
     * @throws PlatformException if the platform cannot tell (the read failed, or what it shows does not reach back far
     *     enough): the action stays in doubt and is never re-sent blindly
     */
    default Optional<String> findApplied(ActionTrace trace) throws PlatformException {
        throw new PlatformException(
                PlatformException.Kind.REJECTED,
                getClass().getSimpleName() + " cannot look up whether a " + trace.kind() + " took effect");
    }
}
