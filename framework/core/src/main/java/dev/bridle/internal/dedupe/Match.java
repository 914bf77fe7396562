package dev.bridle.internal.dedupe;

import java.util.Objects;

/**
 * An earlier post a new text duplicates.
 *
 * @param earlier the earlier post
 * @param score the similarity, 1 for an exact duplicate
 * @param exact whether the normalised texts are identical
 * @param sameAccount whether the earlier post is from the same account
 */
public record Match(StoredPost earlier, double score, boolean exact, boolean sameAccount) {

    public Match {
        Objects.requireNonNull(earlier, "earlier");
    }
}
