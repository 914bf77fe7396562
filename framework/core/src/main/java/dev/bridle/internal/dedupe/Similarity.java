package dev.bridle.internal.dedupe;

import dev.bridle.config.Duplicates;

/**
 * How alike two texts are, from 0 (nothing shared) to 1 (the same normalised text): a weighted Jaccard similarity of
 * their {@linkplain Fingerprint fingerprints}, the weight of the features they share over the weight of all their
 * features. A shared feature counts at the heavier of its two weights, so a word capitalised in one text only (a case
 * trick) still counts in full.
 *
 * <p>Exact duplicates (equal canonical forms) score 1. At or above {@link #DEFAULT_THRESHOLD} two texts are
 * near-duplicates. The threshold was chosen on the labelled corpus in {@code bench/corpus/duplicates.tsv};
 * {@code bench/RESULTS.md} gives its precision and recall.
 */
public final class Similarity {

    /** The score at or above which two texts are near-duplicates, unless the policy says otherwise. */
    public static final double DEFAULT_THRESHOLD = Duplicates.DEFAULT_THRESHOLD;

    private Similarity() {}

    /** The score of {@code a} against {@code b}; symmetric. */
    public static double score(Fingerprint a, Fingerprint b) {
        if (a.sameText(b)) {
            return 1.0;
        }
        return weightedJaccard(a.features(), b.features());
    }

    /** The score of two texts, each normalised by the default normaliser. */
    public static double score(String a, String b) {
        return score(Fingerprint.of(a), Fingerprint.of(b));
    }

    /** Compares two texts under {@code threshold}: the verdict, the score, and whether they are exact duplicates. */
    public static Comparison compare(String a, String b, double threshold) {
        Fingerprint fa = Fingerprint.of(a);
        Fingerprint fb = Fingerprint.of(b);
        double score = score(fa, fb);
        boolean exact = fa.sameText(fb);
        return new Comparison(exact || score >= threshold, score, exact);
    }

    static double weightedJaccard(int[] a, int[] b) {
        return weightedJaccard(a, b, Feature.WEIGHTS);
    }

    /** A shared feature counts at the heavier of its two weights, so case tricks cannot lower the score. */
    static double weightedJaccard(int[] a, int[] b, float[] weights) {
        double shared = 0;
        double total = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int ka = Feature.key(a[i]);
            int kb = Feature.key(b[j]);
            if (ka == kb) {
                float w = Math.max(weights[Feature.featureClass(a[i++])], weights[Feature.featureClass(b[j++])]);
                shared += w;
                total += w;
            } else if (ka < kb) {
                total += weights[Feature.featureClass(a[i++])];
            } else {
                total += weights[Feature.featureClass(b[j++])];
            }
        }
        while (i < a.length) {
            total += weights[Feature.featureClass(a[i++])];
        }
        while (j < b.length) {
            total += weights[Feature.featureClass(b[j++])];
        }
        return total == 0 ? 0 : shared / total;
    }

    /**
     * The result of comparing two texts.
     *
     * @param duplicate whether they are duplicates, exact or near
     * @param score the similarity, 0 to 1
     * @param exact whether their normalised texts are identical
     */
    public record Comparison(boolean duplicate, double score, boolean exact) {

        /** {@code DUPLICATE} or {@code DISTINCT}. */
        public String verdict() {
            return duplicate ? "DUPLICATE" : "DISTINCT";
        }
    }
}
