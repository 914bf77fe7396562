package dev.bridle;

import dev.bridle.config.Duplicates;
import dev.bridle.internal.dedupe.Similarity;

/**
 * Duplicate detection as the duplicates guard judges it, for a text alone: whether two texts count as duplicates and
 * how alike they are. For checking a template before it is used, or seeing why a post was denied; it reads no store.
 *
 * <pre>{@code
 * DuplicateCheck.defaults().compare("Big sale today!", "BIG SALE TODAY 🔥").exact();   // true
 * Bridle.builder().config(Path.of("config/bridle.yaml")).duplicateCheck().compare(a, b);   // the configured threshold
 * }</pre>
 */
public final class DuplicateCheck {

    private final double threshold;

    private DuplicateCheck(double threshold) {
        this.threshold = threshold;
    }

    /** Detection with {@link #Duplicates.DEFAULT_THRESHOLD}. */
    public static DuplicateCheck defaults() {
        return new DuplicateCheck(Duplicates.DEFAULT_THRESHOLD);
    }

    /**
     * Detection under which texts scoring at least {@code threshold} are near-duplicates.
     *
     * @throws IllegalArgumentException if {@code threshold} is not above 0 and at most 1
     */
    public static DuplicateCheck withThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("a threshold is above 0 and at most 1, not " + threshold);
        }
        return new DuplicateCheck(threshold);
    }

    /** The score at or above which two texts are near-duplicates. */
    public double threshold() {
        return threshold;
    }

    /** Compares {@code a} and {@code b} as the guard does. */
    public Comparison compare(String a, String b) {
        Similarity.Comparison c = Similarity.compare(a, b, threshold);
        return new Comparison(c.duplicate(), c.score(), c.exact());
    }

    /**
     * How two texts compare.
     *
     * @param duplicate whether they count as duplicates, exact or near
     * @param score how alike they are, from 0 (nothing shared) to 1 (the same normalised text)
     * @param exact whether their normalised texts are identical (homoglyphs, invisible characters, emoji and case
     *     aside)
     */
    public record Comparison(boolean duplicate, double score, boolean exact) {

        /** {@code DUPLICATE} or {@code DISTINCT}. */
        public String verdict() {
            return duplicate ? "DUPLICATE" : "DISTINCT";
        }
    }
}
