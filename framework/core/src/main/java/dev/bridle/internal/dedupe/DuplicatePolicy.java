package dev.bridle.internal.dedupe;

import dev.bridle.config.Duplicates;
import java.time.Duration;
import java.util.Objects;

/**
 * What counts as a duplicate and what is denied.
 *
 * <ul>
 *   <li>Across accounts, exact and near-duplicates within the window are denied: the platform forbids posting identical
 *       or substantially similar content to several accounts.
 *   <li>Within one account, exact duplicates are denied (the platform refuses them too), while near-duplicates are
 *       allowed by default, so that templated bots (a release bot, a weather bot) keep working;
 *       {@link #denyNearDuplicatesWithinAccount} turns that off.
 * </ul>
 *
 * @param window how far back posts are compared; the default is {@link #DEFAULT_WINDOW}
 * @param threshold the score at or above which two texts are near-duplicates
 * @param denyExactWithinAccount whether an account may not repeat its own text exactly (default yes)
 * @param denyNearWithinAccount whether an account may not post near-duplicates of its own posts (default no)
 */
public record DuplicatePolicy(
        Duration window, double threshold, boolean denyExactWithinAccount, boolean denyNearWithinAccount) {

    /** Thirty days. */
    public static final Duration DEFAULT_WINDOW = Duplicates.DEFAULT_WINDOW;

    /** The longest window allowed: a year. */
    public static final Duration MAX_WINDOW = Duplicates.MAX_WINDOW;

    private static final DuplicatePolicy DEFAULTS =
            new DuplicatePolicy(DEFAULT_WINDOW, Duplicates.DEFAULT_THRESHOLD, true, false);

    public DuplicatePolicy {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "the duplicate window must be longer than zero and at most 366 days, not " + window);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "the near-duplicate threshold must be above 0 and at most 1, not " + threshold);
        }
    }

    /** Thirty days, the default threshold, exact repeats within an account denied, near ones allowed. */
    public static DuplicatePolicy defaults() {
        return DEFAULTS;
    }

    /** This policy with another window. */
    public DuplicatePolicy withWindow(Duration window) {
        return new DuplicatePolicy(window, threshold, denyExactWithinAccount, denyNearWithinAccount);
    }

    /** This policy with another threshold. */
    public DuplicatePolicy withThreshold(double threshold) {
        return new DuplicatePolicy(window, threshold, denyExactWithinAccount, denyNearWithinAccount);
    }

    /** This policy, denying (or allowing) near-duplicates of an account's own posts. */
    public DuplicatePolicy denyNearDuplicatesWithinAccount(boolean deny) {
        return new DuplicatePolicy(window, threshold, denyExactWithinAccount, deny);
    }

    /** This policy, denying (or allowing) exact repeats of an account's own posts. */
    public DuplicatePolicy denyExactDuplicatesWithinAccount(boolean deny) {
        return new DuplicatePolicy(window, threshold, deny, denyNearWithinAccount);
    }

    /** Whether a match of this kind, against a post by the same account or another, denies. */
    public boolean denies(boolean exact, boolean near, boolean sameAccount) {
        if (!sameAccount) {
            return exact || near;
        }
        return exact ? denyExactWithinAccount : near && denyNearWithinAccount;
    }
}
