package dev.bridle.internal.dedupe;

import java.util.Arrays;
import java.util.List;

/** The encoding of one fingerprint feature: a 29-bit hash over a 3-bit class, and the class weights. */
final class Feature {

    static final int WORD = 0;
    static final int STOPWORD = 1;
    static final int NUMBER = 2;
    static final int MARKER = 3;
    static final int NAME = 4;

    private static final int CLASS_BITS = 3;
    private static final int CLASS_MASK = (1 << CLASS_BITS) - 1;

    /**
     * The weight of each class in the score, indexed by class. Numbers and names weigh most: two honest templated posts
     * differ in their facts. Stopwords and the link and mention markers weigh little: they are what templates and
     * evasions add or change. Chosen by a grid search on half of the labelled corpus (bench/RESULTS.md); the other half
     * confirmed it.
     */
    static final float[] WEIGHTS = {1.0f, 0.5f, 3.0f, 0.5f, 3.0f, 1.0f, 1.0f, 1.0f};

    private Feature() {}

    static int of(String text, int featureClass) {
        return (Hashing.hash32(text) & ~CLASS_MASK) | featureClass;
    }

    static int classOf(Token.Kind kind) {
        return switch (kind) {
            case STOPWORD -> STOPWORD;
            case NUMBER -> NUMBER;
            case NAME -> NAME;
            case MENTION, LINK -> MARKER;
            case WORD, EMOJI -> WORD;
        };
    }

    static int featureClass(int feature) {
        return feature & CLASS_MASK;
    }

    static int key(int feature) {
        return feature >> CLASS_BITS;
    }

    static float weight(int feature) {
        return WEIGHTS[feature & CLASS_MASK];
    }

    /** Sorted by key; of two features with the same key the heavier class stays. */
    static int[] sortedUnique(List<Integer> features) {
        int[] a = features.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        int n = 0;
        for (int f : a) {
            if (n > 0 && key(a[n - 1]) == key(f)) {
                if (weight(f) > weight(a[n - 1])) {
                    a[n - 1] = f;
                }
            } else {
                a[n++] = f;
            }
        }
        return Arrays.copyOf(a, n);
    }
}
