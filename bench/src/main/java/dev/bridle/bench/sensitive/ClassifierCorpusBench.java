package dev.bridle.bench.sensitive;

import dev.bridle.FactCheck;
import dev.bridle.WatchCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recall per category and false refusal rate of the fact check ({@link FactCheck}) and the watch rules
 * ({@link WatchCheck}) with the shipped term files, on the labelled corpora in {@code bench/corpus/facts} and
 * {@code bench/corpus/watch}. Each corpus has a part the term files were tuned on ({@code tune.tsv}) and a held-out
 * part ({@code holdout.tsv}) that was written before tuning and not tuned on; both are reported.
 *
 * <pre>
 * bench/run.sh dev.bridle.bench.sensitive.ClassifierCorpusBench [--misses]
 * </pre>
 *
 * Recall of a category: the share of its items refused with that category. "Refused" beside it: refused with any
 * category (what protects the person). False refusal rate: the share of {@code none} items refused.
 */
public final class ClassifierCorpusBench {

    private ClassifierCorpusBench() {}

    public static void main(String[] args) throws IOException {
        boolean misses = List.of(args).contains("--misses");
        Path facts = Path.of("bench/corpus/facts");
        Path watch = Path.of("bench/corpus/watch");
        FactCheck factCheck = FactCheck.defaults();
        WatchCheck watchCheck = WatchCheck.defaults();
        System.out.println("## Sensitive facts and watch rules (issue 13)");
        System.out.println();
        System.out.println("- command: `bench/run.sh dev.bridle.bench.sensitive.ClassifierCorpusBench`");
        System.out.println("- terms: " + factCheck.source() + " (" + factCheck.version() + "): " + factCheck.summary());
        System.out.println(
                "- watch: " + watchCheck.source() + " (" + watchCheck.version() + "): " + watchCheck.summary());
        System.out.println();
        for (String part : List.of("tune", "holdout")) {
            List<String[]> rows = read(facts.resolve(part + ".tsv"));
            Tally tally = new Tally(FactCheck.CATEGORIES);
            long started = System.nanoTime();
            for (String[] row : rows) {
                FactCheck.Verdict v = factCheck.classify(row[2], row[3]);
                tally.add(row[0], v.category());
                if (misses && !row[0].equals(v.category())) {
                    System.out.println("    miss: " + row[0] + " -> " + v.category() + " " + v.terms() + "  " + row[2]
                            + ": " + row[3] + " (" + row[1] + ", " + row[4] + ")");
                }
            }
            long micros = (System.nanoTime() - started) / 1000 / Math.max(1, rows.size());
            tally.print("Facts, " + part + " part (" + rows.size() + " facts, " + languages(rows) + " languages, "
                    + tricks(rows) + " with a Unicode trick; mean " + micros + " µs a fact, first use included)");
        }
        for (String part : List.of("tune", "holdout")) {
            List<String[]> rows = read(watch.resolve(part + ".tsv"));
            Tally tally = new Tally(WatchCheck.CATEGORIES);
            for (String[] row : rows) {
                String got;
                List<String> terms;
                try {
                    WatchCheck.Verdict v = watchCheck.classify(row[1]);
                    got = v.category();
                    terms = v.terms();
                } catch (IllegalArgumentException e) {
                    got = "invalid";
                    terms = List.of(e.getMessage());
                }
                tally.add(row[0], got);
                if (misses && !row[0].equals(got)) {
                    System.out.println("    miss: " + row[0] + " -> " + got + " " + terms + "  " + row[1]);
                }
            }
            tally.print("Watch queries, " + part + " part (" + rows.size() + " queries)");
        }
    }

    private static long languages(List<String[]> rows) {
        return rows.stream().map(r -> r[1]).distinct().count();
    }

    private static long tricks(List<String[]> rows) {
        return rows.stream().filter(r -> r.length > 4 && !r[4].equals("none")).count();
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** Counts per expected category: items, refused with the right category, refused at all. */
    private static final class Tally {
        private final Map<String, int[]> counts = new LinkedHashMap<>();

        Tally(List<String> categories) {
            categories.forEach(c -> counts.put(c, new int[3]));
        }

        void add(String expected, String got) {
            int[] c = counts.get(expected);
            if (c == null) {
                throw new IllegalArgumentException("unknown category in the corpus: " + expected);
            }
            c[0]++;
            if (got.equals(expected)) {
                c[1]++;
            }
            if (!got.equals("none")) {
                c[2]++;
            }
        }

        void print(String heading) {
            System.out.println("**" + heading + "**");
            System.out.println();
            System.out.println("| category | items | recall (right category) | refused (any category) |");
            System.out.println("|---|---:|---:|---:|");
            int items = 0;
            int right = 0;
            int refused = 0;
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int[] c = e.getValue();
                if (e.getKey().equals("none") || c[0] == 0) {
                    continue;
                }
                items += c[0];
                right += c[1];
                refused += c[2];
                System.out.printf(
                        Locale.ROOT, "| %s | %d | %s | %s |%n", e.getKey(), c[0], pct(c[1], c[0]), pct(c[2], c[0]));
            }
            System.out.printf(
                    Locale.ROOT,
                    "| **all restricted** | %d | %s | %s |%n",
                    items,
                    pct(right, items),
                    pct(refused, items));
            int[] none = counts.get("none");
            System.out.printf(
                    Locale.ROOT,
                    "| **none: false refusals** | %d | | **%s** (%d of %d) |%n%n",
                    none[0],
                    pct(none[2], none[0]),
                    none[2],
                    none[0]);
        }

        private static String pct(int part, int whole) {
            return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
        }
    }
}
