package dev.bridle.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of duplicate detection on the labelled corpus, at the default threshold. The floors are the
 * figures reported in bench/RESULTS.md, rounded down: a change that makes detection worse fails here; one that makes it
 * better should raise them.
 */
class DuplicateCorpusTest {

    /** Reported in bench/RESULTS.md. */
    static final double PRECISION_FLOOR = 0.98;

    static final double RECALL_FLOOR = 0.96;

    static final Path CORPUS = Path.of("../../bench/corpus/duplicates.tsv");

    private static List<Pair> pairs;

    record Pair(int line, String a, String b, boolean duplicate, String kind) {}

    @BeforeAll
    static void readCorpus() throws IOException {
        List<String> lines = Files.readAllLines(CORPUS, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("text_a\ttext_b\tlabel\tkind");
        pairs = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            assertThat(f).as("line %d has four fields", i + 1).hasSize(4);
            assertThat(f[2]).as("line %d label", i + 1).isIn("DUPLICATE", "DISTINCT");
            pairs.add(new Pair(i + 1, f[0], f[1], f[2].equals("DUPLICATE"), f[3]));
        }
    }

    @Test
    void theCorpusHasAtLeastFiveHundredPairsOfBothLabels() {
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(500);
        assertThat(pairs.stream().filter(Pair::duplicate).count()).isGreaterThan(200);
        assertThat(pairs.stream().filter(p -> !p.duplicate()).count()).isGreaterThan(200);
    }

    @Test
    void precisionAndRecallAtTheDefaultThresholdStayAboveWhatIsReported() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> perKind = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        for (Pair p : pairs) {
            Similarity.Comparison c = Similarity.compare(p.a(), p.b(), Similarity.DEFAULT_THRESHOLD);
            boolean right = c.duplicate() == p.duplicate();
            int[] k =
                    perKind.computeIfAbsent((p.duplicate() ? "DUPLICATE " : "DISTINCT  ") + p.kind(), x -> new int[2]);
            k[0]++;
            k[1] += right ? 1 : 0;
            if (c.duplicate() && p.duplicate()) {
                tp++;
            } else if (c.duplicate()) {
                fp++;
            } else if (p.duplicate()) {
                fn++;
            }
            if (!right) {
                misses.append(String.format(
                        "line %d %s %s score %.3f%n  a: %s%n  b: %s%n",
                        p.line(), p.kind(), c.verdict(), c.score(), p.a(), p.b()));
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        StringBuilder report = new StringBuilder(String.format(
                "precision %.4f recall %.4f (tp %d fp %d fn %d) at %.2f%n",
                precision, recall, tp, fp, fn, Similarity.DEFAULT_THRESHOLD));
        perKind.forEach((kind, k) -> report.append(
                String.format("  %-30s %4d pairs %4d right %6.1f%%%n", kind, k[0], k[1], 100.0 * k[1] / k[0])));
        System.out.print(report);
        System.out.print(misses);

        assertThat(precision).as(report.toString()).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }
}
