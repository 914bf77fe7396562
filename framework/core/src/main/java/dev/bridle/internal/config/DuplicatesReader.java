package dev.bridle.internal.config;

import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.dedupe.NearDuplicateIndex;
import dev.bridle.internal.yaml.YamlNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Reads {@code duplicates:} onto {@link DuplicatesConfig}; what is not written keeps its default. */
final class DuplicatesReader {

    static final List<String> KEYS =
            List.of("window", "threshold", "denyExactWithinAccount", "denyNearWithinAccount", "maxPosts");

    private static final String THRESHOLD_EXPECTED =
            "a score above 0 and at most 1, like 0.85: two texts scoring" + " at least this are near-duplicates";

    private final NodeReader nodes;

    DuplicatesReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    /** The section, or {@code null} after reporting every problem. */
    DuplicatesConfig read(YamlNode node, String path) {
        DuplicatePolicy defaults = DuplicatePolicy.defaults();
        if (node == null) {
            return DuplicatesConfig.defaults();
        }
        Section section =
                nodes.section(node, path, "the duplicate policy, like { window: 30d, threshold: 0.85 }", KEYS);
        if (section == null) {
            return null;
        }
        Duration window = section.get("window") == null ? defaults.window() : window(section);
        Double threshold = section.get("threshold") == null ? Double.valueOf(defaults.threshold()) : threshold(section);
        Boolean exact = section.get("denyExactWithinAccount") == null
                ? Boolean.valueOf(defaults.denyExactWithinAccount())
                : nodes.bool(section.get("denyExactWithinAccount"), section.path("denyExactWithinAccount"));
        Boolean near = section.get("denyNearWithinAccount") == null
                ? Boolean.valueOf(defaults.denyNearWithinAccount())
                : nodes.bool(section.get("denyNearWithinAccount"), section.path("denyNearWithinAccount"));
        Integer maxPosts = section.get("maxPosts") == null
                ? Integer.valueOf(NearDuplicateIndex.DEFAULT_MAX_ENTRIES)
                : maxPosts(section);
        return window == null || threshold == null || exact == null || near == null || maxPosts == null
                ? null
                : new DuplicatesConfig(new DuplicatePolicy(window, threshold, exact, near), maxPosts);
    }

    private Integer maxPosts(Section section) {
        YamlNode node = section.get("maxPosts");
        String expected = "how many posts the index holds in memory, 1 to " + NearDuplicateIndex.MAX_ENTRIES_LIMIT
                + " (about 450 bytes each): every account's posts over the window";
        Integer posts = nodes.integer(node, section.path("maxPosts"), expected);
        if (posts != null && (posts < 1 || posts > NearDuplicateIndex.MAX_ENTRIES_LIMIT)) {
            nodes.problem(
                    node, section.path("maxPosts"), "found " + posts + ", which is out of range; expected " + expected);
            return null;
        }
        return posts;
    }

    private Duration window(Section section) {
        YamlNode node = section.get("window");
        String what = "how far back posts are compared, at most " + Spans.format(DuplicatePolicy.MAX_WINDOW);
        Duration window = nodes.span(node, section.path("window"), what, Duration.ofSeconds(1));
        if (window != null && window.compareTo(DuplicatePolicy.MAX_WINDOW) > 0) {
            nodes.problem(
                    node,
                    section.path("window"),
                    "found " + NodeReader.describe(node) + ", which is longer than "
                            + Spans.format(DuplicatePolicy.MAX_WINDOW) + "; expected " + what);
            return null;
        }
        return window;
    }

    private Double threshold(Section section) {
        YamlNode node = section.get("threshold");
        BigDecimal score = nodes.decimal(node, section.path("threshold"), THRESHOLD_EXPECTED);
        if (score == null) {
            return null;
        }
        if (score.signum() <= 0 || score.compareTo(BigDecimal.ONE) > 0) {
            boolean percentage = score.compareTo(BigDecimal.ONE) > 0
                    && score.compareTo(BigDecimal.valueOf(100)) <= 0
                    && score.stripTrailingZeros().scale() <= 0;
            String hint = percentage
                    ? " (a percentage? write "
                            + score.movePointLeft(2).stripTrailingZeros().toPlainString() + ")"
                    : "";
            nodes.problem(
                    node,
                    section.path("threshold"),
                    "found " + NodeReader.describe(node) + ", which is out of range" + hint + "; expected "
                            + THRESHOLD_EXPECTED);
            return null;
        }
        return score.doubleValue();
    }
}
