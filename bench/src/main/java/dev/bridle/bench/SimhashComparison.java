package dev.bridle.bench;

import dev.bridle.internal.dedupe.ContentNormaliser;
import dev.bridle.internal.dedupe.NormalisedText;
import dev.bridle.internal.dedupe.Similarity;
import dev.bridle.internal.dedupe.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Would 64-bit simhash (Charikar; Manku et al. 2007, near-duplicates at Hamming distance k ≤ 3) do as well as the
 * weighted Jaccard score Bridle uses? Both start from the same normalised, weighted words; this prints precision and
 * recall of simhash at each k on the labelled corpus, next to the weighted score at its default threshold.
 *
 * <pre>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" \
 *     dev.bridle.bench.SimhashComparison bench/corpus/duplicates.tsv}</pre>
 */
public final class SimhashComparison {

    private SimhashComparison() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        lines = lines.subList(1, lines.size());
        ContentNormaliser normaliser = new ContentNormaliser();
        int n = lines.size();
        int[] distance = new int[n];
        boolean[] exact = new boolean[n];
        boolean[] weighted = new boolean[n];
        boolean[] label = new boolean[n];
        for (int i = 0; i < n; i++) {
            String[] p = lines.get(i).split("\t");
            NormalisedText a = normaliser.normalise(p[0]);
            NormalisedText b = normaliser.normalise(p[1]);
            exact[i] = a.canonical().equals(b.canonical());
            distance[i] = Long.bitCount(simhash(a) ^ simhash(b));
            weighted[i] =
                    Similarity.compare(p[0], p[1], Similarity.DEFAULT_THRESHOLD).duplicate();
            label[i] = p[2].equals("DUPLICATE");
        }
        System.out.println("| method | precision | recall | F1 |");
        System.out.println("|---|---|---|---|");
        for (int k = 0; k <= 16; k += k < 8 ? 1 : 4) {
            boolean[] says = new boolean[n];
            for (int i = 0; i < n; i++) {
                says[i] = exact[i] || distance[i] <= k;
            }
            print("simhash-64, Hamming distance ≤ " + k, says, label);
        }
        print("weighted Jaccard ≥ " + Similarity.DEFAULT_THRESHOLD + " (Bridle)", weighted, label);
    }

    private static void print(String what, boolean[] says, boolean[] label) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < says.length; i++) {
            if (says[i] && label[i]) {
                tp++;
            } else if (says[i]) {
                fp++;
            } else if (label[i]) {
                fn++;
            }
        }
        double p = tp / (double) Math.max(1, tp + fp);
        double r = tp / (double) Math.max(1, tp + fn);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", what, p, r, 2 * p * r / (p + r));
    }

    /** Charikar's simhash over the same words and weights the weighted score uses. */
    private static long simhash(NormalisedText text) {
        double[] v = new double[64];
        boolean link = false;
        boolean mention = false;
        for (Token t : text.tokens()) {
            switch (t.kind()) {
                case LINK -> link = true;
                case MENTION -> mention = true;
                default ->
                    add(
                            v,
                            t.text(),
                            switch (t.kind()) {
                                case STOPWORD -> 0.5;
                                case NUMBER, NAME -> 3.0;
                                default -> 1.0;
                            });
            }
        }
        for (String tag : text.hashtags()) {
            add(v, "#" + tag, 1.0);
        }
        if (link) {
            add(v, "\u0000link", 0.5);
        }
        if (mention) {
            add(v, "\u0000mention", 0.5);
        }
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (v[i] > 0) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    private static void add(double[] v, String word, double weight) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h = (h ^ word.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        for (int i = 0; i < 64; i++) {
            v[i] += ((h >>> i) & 1) == 1 ? weight : -weight;
        }
    }
}
