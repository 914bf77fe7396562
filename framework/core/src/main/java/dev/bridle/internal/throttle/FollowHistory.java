package dev.bridle.internal.throttle;

import java.time.Instant;

/**
 * When each of the operator's accounts last followed and last unfollowed each user, for the follow-churn rule
 * ({@link FollowChurnGuard}). Written when a follow or unfollow is confirmed (sent, or in doubt). Times are kept to the
 * millisecond.
 *
 * <p>{@link JdbcFollowHistory} keeps it in the database (table {@code throttle_follow_event}) behind a cache;
 * {@link InMemoryFollowHistory} is for tests and throwaway runs.
 */
public interface FollowHistory {

    /** The latest follow and unfollow of {@code userId} by {@code account} (a handle, any case). */
    Latest latest(String account, String userId);

    /** Records that {@code account} followed {@code userId} at {@code at}. */
    void recordFollow(String account, String userId, Instant at);

    /** Records that {@code account} unfollowed {@code userId} at {@code at}. */
    void recordUnfollow(String account, String userId, Instant at);

    /**
     * The latest follow and unfollow of one user by one account.
     *
     * @param followed when it last followed the user, or {@code null} if never
     * @param unfollowed when it last unfollowed the user, or {@code null} if never
     */
    record Latest(Instant followed, Instant unfollowed) {

        /** Never followed nor unfollowed. */
        public static final Latest NONE = new Latest(null, null);
    }
}
