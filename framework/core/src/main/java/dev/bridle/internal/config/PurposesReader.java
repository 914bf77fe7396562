package dev.bridle.internal.config;

import dev.bridle.config.Purpose;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code purposes:} (under {@code app} or a bot) onto {@link Purpose}s. A prohibited purpose is a problem at its
 * line naming the rule it breaks, so {@code bridle check} fails on it and nothing starts.
 */
final class PurposesReader {

    static final String EXPECTED = "a list of purposes from "
            + Arrays.stream(Purpose.values())
                    .filter(p -> !p.prohibited())
                    .map(Purpose::configName)
                    .collect(Collectors.joining(", "));

    private final NodeReader nodes;

    PurposesReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    /**
     * The purposes {@code node} lists, or {@code null} (with its problems recorded) if any is unknown or prohibited.
     */
    Set<Purpose> read(YamlNode node, String path) {
        List<YamlNode> items = nodes.list(node, path, EXPECTED, true);
        if (items == null) {
            return null;
        }
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = node == item ? path : DocPath.index(path, i);
            String text = nodes.text(item, itemPath, EXPECTED);
            Purpose purpose = text == null ? null : Purpose.named(text).orElse(null);
            if (text != null && purpose == null) {
                nodes.problem(
                        item,
                        itemPath,
                        "found " + NodeReader.describe(item) + ", which is not a purpose"
                                + Suggestions.didYouMean(
                                        text.strip(),
                                        Arrays.stream(Purpose.values())
                                                .map(Purpose::configName)
                                                .toList())
                                + "; expected " + EXPECTED);
            } else if (purpose != null && purpose.prohibited()) {
                nodes.problem(item, itemPath, prohibited(purpose));
                purpose = null;
            }
            if (purpose == null) {
                ok = false;
            } else {
                purposes.add(purpose);
            }
        }
        return ok ? purposes : null;
    }

    /** The problem with declaring {@code purpose}, which the platform's rules forbid. */
    static String prohibited(Purpose purpose) {
        var rule = purpose.breaks().orElseThrow();
        return "declares " + purpose.configName() + ", a purpose the platform forbids (" + rule.name() + ": "
                + rule.summary() + "; " + rule.source() + "); Bridle runs no bot for it";
    }
}
