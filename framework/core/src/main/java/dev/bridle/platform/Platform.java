package dev.bridle.platform;

import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostPage;
import dev.bridle.bot.StreamRule;
import dev.bridle.bot.UserPage;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    // Reads. Each default refuses, so a platform that cannot read (a test double) says so rather than answering empty.
    // maxResults is what one page may hold, within the platform's bounds for that read; pageToken is a page's
    // nextToken, or null for the first page.

    /** The user with the platform id {@code userId}, looked up as {@code account}; empty if there is none. */
    default Optional<UserRef> lookupUser(Account account, String userId) throws PlatformException {
        throw cannotRead("look up a user by id");
    }

    /**
     * The post {@code postId}, read as {@code account}; empty if it does not exist or was deleted (reading it again is
     * how a deletion is seen).
     */
    default Optional<Post> readPost(Account account, String postId) throws PlatformException {
        throw cannotRead("read a post");
    }

    /**
     * One page of the posts of the last 7 days that match {@code query} (the platform's search syntax), newest first.
     *
     * @param maxResults 10 to 100
     * @throws PlatformException {@code REJECTED} for a query the platform calls invalid
     */
    default PostPage searchRecent(Account account, String query, int maxResults, String pageToken)
            throws PlatformException {
        throw cannotRead("search recent posts");
    }

    /**
     * One page of the account's own posts, newest first.
     *
     * @param maxResults 5 to 100
     */
    default PostPage ownPosts(Account account, int maxResults, String pageToken) throws PlatformException {
        throw cannotRead("read the account's own posts");
    }

    /**
     * One page of the posts mentioning the account, newest first ({@link #mentionsSince} is the polling form).
     *
     * @param maxResults 5 to 100
     */
    default PostPage mentions(Account account, int maxResults, String pageToken) throws PlatformException {
        throw cannotRead("read mentions");
    }

    /**
     * One page of the account's followers, most recent first.
     *
     * @param maxResults 1 to 1000
     */
    default UserPage followers(Account account, int maxResults, String pageToken) throws PlatformException {
        throw cannotRead("read followers");
    }

    /**
     * Which of {@code postIds} no longer exist on the platform (deleted, or gone with their author's account), read as
     * {@code account}. Content deleted on X must leave Bridle's stores within 24 hours; this is how it learns of it.
     * Ids the platform still serves are not in the answer.
     *
     * @throws PlatformException if the platform cannot tell for some id: none is then reported deleted or kept
     */
    default Set<String> deletedPosts(Account account, Collection<String> postIds) throws PlatformException {
        throw cannotRead("tell which posts were deleted");
    }

    // Filtered-stream rules. They belong to the app, not to the account, and X serves them with the app's bearer token
    // only (OAuth 2.0 app-only; user context is refused with a 403): the account only says which app's credentials to
    // use.

    /** The app's filtered-stream rules. */
    default List<StreamRule> streamRules(Account account) throws PlatformException {
        throw cannotRead("list stream rules");
    }

    /**
     * Registers one filtered-stream rule for the app and returns it with the platform's id.
     *
     * @param tag a label, or {@code null}
     * @throws PlatformException {@link PlatformException.Kind#REJECTED} with the platform's reason when it refuses the
     *     rule (invalid, a duplicate, too long, over the cap)
     */
    default StreamRule addStreamRule(Account account, String value, String tag) throws PlatformException {
        throw cannotRead("add stream rules");
    }

    /** Deletes the app's rules with these ids; returns the ids deleted (those the app did not have are left out). */
    default Set<String> deleteStreamRules(Account account, Collection<String> ids) throws PlatformException {
        throw cannotRead("delete stream rules");
    }

    private PlatformException cannotRead(String what) {
        return new PlatformException(PlatformException.Kind.REJECTED, getClass().getSimpleName() + " cannot " + what);
    }
}
