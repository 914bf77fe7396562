package dev.bridle.internal.config;

import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.dedupe.NearDuplicateIndex;
import java.util.Objects;

/**
 * The {@code duplicates:} section: what counts as a duplicate, and how many posts the in-memory index holds.
 *
 * @param policy the window, the threshold, and what is denied within one account
 * @param maxPosts the most posts held in memory; a post pushed out before it leaves the window is no longer compared,
 *     so size it for every account's posts over the window (about 450 bytes a post;
 *     {@link NearDuplicateIndex#DEFAULT_MAX_ENTRIES} by default)
 */
public record DuplicatesConfig(DuplicatePolicy policy, int maxPosts) {

    public DuplicatesConfig {
        Objects.requireNonNull(policy, "policy");
        if (maxPosts < 1 || maxPosts > NearDuplicateIndex.MAX_ENTRIES_LIMIT) {
            throw new IllegalArgumentException(
                    "duplicates.maxPosts must be 1 to " + NearDuplicateIndex.MAX_ENTRIES_LIMIT + ", not " + maxPosts);
        }
    }

    /** The default policy and cap. */
    public static DuplicatesConfig defaults() {
        return new DuplicatesConfig(DuplicatePolicy.defaults(), NearDuplicateIndex.DEFAULT_MAX_ENTRIES);
    }

    /** This section with another policy. */
    public DuplicatesConfig withPolicy(DuplicatePolicy policy) {
        return new DuplicatesConfig(policy, maxPosts);
    }
}
