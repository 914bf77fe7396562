package dev.bridle.internal.throttle;

import dev.bridle.config.Throttles;
import java.time.Duration;
import java.util.Objects;

/**
 * Rules against bulk following and follow churn (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}: "aggressive or
 * indiscriminately following", "automated un-following").
 *
 * @param maxAccountsPerUser how many follows of one user the operator's accounts may make within
 *     {@code accountsWindow}, all accounts together
 * @param accountsWindow the window for {@code maxAccountsPerUser}
 * @param noUnfollowWithin an account may not unfollow a user it followed less than this long ago
 * @param noRefollowWithin an account may not follow again a user it unfollowed less than this long ago
 */
public record FollowRules(
        int maxAccountsPerUser, Duration accountsWindow, Duration noUnfollowWithin, Duration noRefollowWithin) {

    /**
     * Two of the operator's accounts at most follow the same user in a week: more looks like a follow ring, which the
     * automation rules name as coordinated bulk following.
     */
    public static final int DEFAULT_MAX_ACCOUNTS_PER_USER = Throttles.DEFAULT_FOLLOWS_OF_ONE_USER;

    /** A week, so a user sees at most two of the operator's accounts arrive per week. */
    public static final Duration DEFAULT_ACCOUNTS_WINDOW = Throttles.DEFAULT_FOLLOWS_WINDOW;

    /**
     * Three days before an unfollow: follow-then-unfollow within days is the "follow churn" pattern accounts get locked
     * for, and it stops a bot using follows as notifications.
     */
    public static final Duration DEFAULT_NO_UNFOLLOW_WITHIN = Throttles.DEFAULT_NO_UNFOLLOW_WITHIN;

    /** A week before following again someone just unfollowed: repeated follow/unfollow is churn too. */
    public static final Duration DEFAULT_NO_REFOLLOW_WITHIN = Throttles.DEFAULT_NO_REFOLLOW_WITHIN;

    /** The defaults above. */
    public static final FollowRules DEFAULTS = new FollowRules(
            DEFAULT_MAX_ACCOUNTS_PER_USER,
            DEFAULT_ACCOUNTS_WINDOW,
            DEFAULT_NO_UNFOLLOW_WITHIN,
            DEFAULT_NO_REFOLLOW_WITHIN);

    public FollowRules {
        Objects.requireNonNull(accountsWindow, "accountsWindow");
        Objects.requireNonNull(noUnfollowWithin, "noUnfollowWithin");
        Objects.requireNonNull(noRefollowWithin, "noRefollowWithin");
        if (maxAccountsPerUser < 1) {
            throw new IllegalArgumentException(
                    "throttles.follows.maxAccountsPerUser must be at least 1, not " + maxAccountsPerUser);
        }
        requirePositive("throttles.follows.accountsWindow", accountsWindow);
        requirePositive("throttles.follows.noUnfollowWithin", noUnfollowWithin);
        requirePositive("throttles.follows.noRefollowWithin", noRefollowWithin);
    }

    /** The cap as a limit on the per-user bucket. */
    Limit accountsLimit() {
        return Limit.of(maxAccountsPerUser, accountsWindow);
    }

    static void requirePositive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive span of time, not " + d);
        }
    }
}
