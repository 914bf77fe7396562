package dev.bridle.internal.config;

import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.Location;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import java.util.List;
import java.util.Optional;

/** A mapping being read: its keys, its path and where it starts. */
final class Section {

    private final YamlMap map;
    private final String path;
    private final NodeReader reader;
    private final List<String> keys;

    Section(YamlMap map, String path, NodeReader reader, List<String> keys) {
        this.map = map;
        this.path = path;
        this.reader = reader;
        this.keys = keys;
    }

    /**
     * Whether an unknown key here looks like a slip for {@code key}; its "did you mean" problem already says what is
     * wrong, so {@code key} being missing is not reported again.
     */
    boolean misspelt(String key) {
        return map.unknown(keys).stream()
                .map(entry -> Suggestions.closest(entry.key(), keys))
                .flatMap(Optional::stream)
                .anyMatch(key::equals);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return DocPath.key(path, key);
    }

    Location location() {
        return map.location();
    }

    /** The value of {@code key}, or {@code null} when it is absent or written without a value. */
    YamlNode get(String key) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null || entry.value() instanceof YamlScalar s && s.isNull()) {
            return null;
        }
        return entry.value();
    }

    /** The value of {@code key}, or {@code null} after reporting that it is missing. */
    YamlNode require(String key, String expected) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            if (misspelt(key)) {
                return null;
            }
            reader.problems().add(map.location(), path, "missing required key \"" + key + "\"; expected " + expected);
            return null;
        }
        if (entry.value() instanceof YamlScalar s && s.isNull()) {
            reader.problems().add(entry.keyLocation(), path(key), "has no value; expected " + expected);
            return null;
        }
        return entry.value();
    }
}
