package dev.bridle.config;

import java.time.Duration;

/**
 * What counts as duplicate content, as {@code duplicates:} in {@code bridle.yaml} sets it; start from
 * {@link #defaults()}. Across accounts, an identical or near-identical post is always refused; within one account, an
 * exact repeat is refused unless allowed here, a near one allowed unless refused here.
 */
public final class Duplicates {

    /** Posts of the last 30 days are compared. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    /** The longest window: a year and a day. */
    public static final Duration MAX_WINDOW = Duration.ofDays(366);
    /** Two texts scoring 0.85 or more are near-duplicates. */
    public static final double DEFAULT_THRESHOLD = 0.85;
    /** The posts held in memory for comparison (about 450 bytes each): 250,000. */
    public static final int DEFAULT_MAX_POSTS = 250_000;
    /** The most posts the index may be sized for. */
    public static final int MAX_POSTS_LIMIT = 20_000_000;

    private static final Duplicates DEFAULTS =
            new Duplicates(DEFAULT_WINDOW, DEFAULT_THRESHOLD, true, false, DEFAULT_MAX_POSTS);

    private final Duration window;
    private final double threshold;
    private final boolean denyExactWithinAccount;
    private final boolean denyNearWithinAccount;
    private final int maxPosts;

    private Duplicates(Duration window, double threshold, boolean exact, boolean near, int maxPosts) {
        this.window = window;
        this.threshold = threshold;
        this.denyExactWithinAccount = exact;
        this.denyNearWithinAccount = near;
        this.maxPosts = maxPosts;
    }

    /** Every {@code DEFAULT_*}; an account may not repeat its own text exactly, and may post near-duplicates of it. */
    public static Duplicates defaults() {
        return DEFAULTS;
    }

    /** How far back posts are compared, at most {@link #MAX_WINDOW}. */
    public Duplicates withWindow(Duration window) {
        Throttles.positive("window", window);
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the duplicates window is at most " + MAX_WINDOW + ", not " + window);
        }
        return new Duplicates(window, threshold, denyExactWithinAccount, denyNearWithinAccount, maxPosts);
    }

    /** The score, above 0 and at most 1, at or above which two texts are near-duplicates. */
    public Duplicates withThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold is above 0 and at most 1, not " + threshold);
        }
        return new Duplicates(window, threshold, denyExactWithinAccount, denyNearWithinAccount, maxPosts);
    }

    /** Whether an account may not repeat its own text exactly. */
    public Duplicates withDenyExactWithinAccount(boolean deny) {
        return new Duplicates(window, threshold, deny, denyNearWithinAccount, maxPosts);
    }

    /** Whether an account may not post near-duplicates of its own posts. */
    public Duplicates withDenyNearWithinAccount(boolean deny) {
        return new Duplicates(window, threshold, denyExactWithinAccount, deny, maxPosts);
    }

    /**
     * The most posts held for comparison; size it for every account's posts over the window, since a post pushed out
     * early is no longer compared.
     */
    public Duplicates withMaxPosts(int maxPosts) {
        if (maxPosts < 1 || maxPosts > MAX_POSTS_LIMIT) {
            throw new IllegalArgumentException("maxPosts is 1 to " + MAX_POSTS_LIMIT + ", not " + maxPosts);
        }
        return new Duplicates(window, threshold, denyExactWithinAccount, denyNearWithinAccount, maxPosts);
    }

    /** How far back posts are compared. */
    public Duration window() {
        return window;
    }

    /** The near-duplicate threshold. */
    public double threshold() {
        return threshold;
    }

    /** Whether an account may not repeat its own text exactly. */
    public boolean denyExactWithinAccount() {
        return denyExactWithinAccount;
    }

    /** Whether an account may not post near-duplicates of its own posts. */
    public boolean denyNearWithinAccount() {
        return denyNearWithinAccount;
    }

    /** The most posts held for comparison. */
    public int maxPosts() {
        return maxPosts;
    }
}
