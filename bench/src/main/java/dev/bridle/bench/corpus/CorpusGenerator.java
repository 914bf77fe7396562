package dev.bridle.bench.corpus;

import dev.bridle.bench.corpus.Templates.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Writes {@code bench/corpus/duplicates.tsv}, the labelled pairs duplicate detection is measured on: {@code text_a TAB
 * text_b TAB DUPLICATE|DISTINCT TAB kind}, one pair per line after a header.
 *
 * <p>Every base post ({@link Templates}) gets four evasion variants, labelled DUPLICATE, and two negatives, labelled
 * DISTINCT: the same template with other facts, one fact changed (a version, a date, a score, a city), a different post
 * on the same topic, or an unrelated post. The kinds are spread so each is used about equally where it applies.
 * Hand-written paraphrases and same-topic negatives follow. Deterministic: the same seed writes the same file.
 *
 * <pre>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" \
 *     dev.bridle.bench.corpus.CorpusGenerator bench/corpus/duplicates.tsv}</pre>
 */
public final class CorpusGenerator {

    /** The seed; issue 5. */
    static final long SEED = 5;

    private record Kind(String name, Predicate<String> applies, BiFunction<String, Random, String> transform) {}

    private static final List<Kind> POSITIVE = List.of(
            new Kind("exact", t -> true, (t, r) -> t),
            new Kind("homoglyph", t -> true, Evasions::homoglyphs),
            new Kind("zero_width", t -> true, Evasions::invisibles),
            new Kind("emoji", t -> true, Evasions::emoji),
            new Kind("case_width", t -> true, Evasions::caseAndWidth),
            new Kind("whitespace", t -> true, Evasions::whitespace),
            new Kind("url_swap", Evasions::hasLink, Evasions::swapLinks),
            new Kind("url_shortener", Evasions::hasLink, Evasions::shortenLinks),
            new Kind("small_edit", t -> true, Evasions::smallEdits),
            new Kind("reorder", t -> true, Evasions::reorder),
            new Kind("hashtag_reorder", Evasions::hasHashtag, Evasions::reorderHashtags),
            new Kind("reply_prefix", t -> true, Evasions::replyPrefix),
            new Kind("mention_swap", Evasions::hasInnerMention, Evasions::swapMentions),
            new Kind("random_suffix", t -> true, Evasions::randomSuffix),
            new Kind("combined", t -> true, CorpusGenerator::combined));

    private static final List<String> NEGATIVE =
            List.of("hard_fact", "template", "hard_fact", "same_topic", "hard_fact_evasion", "unrelated");

    private static final List<BiFunction<String, Random, String>> COSMETIC = List.of(
            Evasions::homoglyphs, Evasions::invisibles, Evasions::caseAndWidth, Evasions::whitespace, Evasions::emoji);

    private CorpusGenerator() {}

    /** Writes the corpus to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CorpusGenerator OUTPUT.tsv");
            System.exit(2);
        }
        List<String[]> pairs = generate(new Random(SEED));
        StringBuilder out = new StringBuilder("text_a\ttext_b\tlabel\tkind\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String[] p : pairs) {
            for (String field : p) {
                if (field.contains("\t") || field.contains("\n") || field.contains("\r")) {
                    throw new IllegalStateException("a field holds a tab or line break: " + field);
                }
            }
            out.append(String.join("\t", p)).append('\n');
            counts.merge(p[2] + " " + p[3], 1, Integer::sum);
        }
        Files.writeString(Path.of(args[0]), out, StandardCharsets.UTF_8);
        System.out.println(pairs.size() + " pairs written to " + args[0]);
        counts.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    static List<String[]> generate(Random rnd) {
        List<String[]> pairs = new ArrayList<>();
        Map<String, Integer> used = new java.util.HashMap<>();
        int negativeCursor = 0;
        List<Template> all = Templates.ALL;
        for (int t = 0; t < all.size(); t++) {
            Template template = all.get(t);
            for (int row = 0; row < template.rows().size(); row++) {
                String base = template.fill(template.rows().get(row));
                // the four least used kinds that apply to this post, so the rarer kinds are not starved
                List<Kind> kinds = POSITIVE.stream()
                        .filter(k -> k.applies().test(base))
                        .sorted(java.util.Comparator.comparingInt((Kind k) -> used.getOrDefault(k.name(), 0))
                                .thenComparingInt(POSITIVE::indexOf))
                        .limit(4)
                        .toList();
                for (Kind kind : kinds) {
                    String variant = kind.transform().apply(base, rnd);
                    pairs.add(new String[] {base, variant, "DUPLICATE", kind.name()});
                    used.merge(kind.name(), 1, Integer::sum);
                }
                for (int k = 0; k < 2; k++) {
                    String kind = NEGATIVE.get(negativeCursor++ % NEGATIVE.size());
                    pairs.add(new String[] {base, negative(kind, t, row, rnd), "DISTINCT", kind});
                }
            }
        }
        for (List<String> p : Templates.PARAPHRASES) {
            pairs.add(new String[] {p.get(0), p.get(1), "DUPLICATE", "paraphrase"});
        }
        for (List<String> p : Templates.SAME_TOPIC_DIFFERENT_MESSAGE) {
            pairs.add(new String[] {p.get(0), p.get(1), "DISTINCT", "same_topic_message"});
        }
        return pairs;
    }

    private static String negative(String kind, int t, int row, Random rnd) {
        List<Template> all = Templates.ALL;
        Template template = all.get(t);
        List<List<String>> rows = template.rows();
        return switch (kind) {
            case "template" -> template.fill(rows.get((row + 1 + rnd.nextInt(rows.size() - 1)) % rows.size()));
            case "hard_fact" -> oneFactChanged(template, row, rnd);
            case "hard_fact_evasion" ->
                COSMETIC.get(rnd.nextInt(COSMETIC.size())).apply(oneFactChanged(template, row, rnd), rnd);
            case "same_topic" -> {
                List<Integer> sameCategory = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (i != t && all.get(i).category().equals(template.category())) {
                        sameCategory.add(i);
                    }
                }
                Template other = all.get(sameCategory.get(rnd.nextInt(sameCategory.size())));
                yield other.fill(other.rows().get(rnd.nextInt(other.rows().size())));
            }
            case "unrelated" -> {
                Template other;
                do {
                    other = all.get(rnd.nextInt(all.size()));
                } while (other.category().equals(template.category()));
                yield other.fill(other.rows().get(rnd.nextInt(other.rows().size())));
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The base row with one fact slot taken from another row whose value differs. */
    private static String oneFactChanged(Template template, int row, Random rnd) {
        List<List<String>> rows = template.rows();
        for (int attempt = 0; attempt < 100; attempt++) {
            String fact = template.facts().get(rnd.nextInt(template.facts().size()));
            int slot = template.slots().indexOf(fact);
            List<String> other = rows.get(rnd.nextInt(rows.size()));
            if (!other.get(slot).equals(rows.get(row).get(slot))) {
                List<String> changed = new ArrayList<>(rows.get(row));
                changed.set(slot, other.get(slot));
                return template.fill(changed);
            }
        }
        throw new IllegalStateException("no fact can change in " + template.pattern());
    }

    /** Three different evasions at once. */
    private static String combined(String text, Random rnd) {
        List<BiFunction<String, Random, String>> pool = new ArrayList<>(List.of(
                Evasions::homoglyphs,
                Evasions::invisibles,
                Evasions::emoji,
                Evasions::caseAndWidth,
                Evasions::whitespace,
                Evasions::smallEdits,
                Evasions::replyPrefix));
        if (Evasions.hasLink(text)) {
            pool.add(Evasions::shortenLinks);
        }
        if (Evasions.hasHashtag(text)) {
            pool.add(Evasions::reorderHashtags);
        }
        java.util.Collections.shuffle(pool, rnd);
        String out = text;
        for (BiFunction<String, Random, String> f : pool.subList(0, 3)) {
            out = f.apply(out, rnd);
        }
        return out;
    }
}
