package dev.bridle.internal.yaml;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML document that remembers where each node was written, so that every problem can name its line and
 * column. Jackson's tree model forgets locations; this keeps them. Read one with {@link YamlReader}.
 */
public sealed interface YamlNode {

    /** Where the node starts. */
    Location location();

    /** What the node is, for messages like "expected a list, found the number 3". */
    String describe();

    /** A position in the file, both counted from 1. */
    record Location(int line, int column) {

        /** No position: the problem concerns the whole file. */
        public static final Location FILE = new Location(0, 0);
    }

    /** A mapping; keys keep their file order and their own location. */
    record YamlMap(Location location, Map<String, Entry> entries) implements YamlNode {

        /** The entries whose key is not among {@code known}, in file order. */
        public List<Entry> unknown(Collection<String> known) {
            return entries.values().stream()
                    .filter(entry -> !known.contains(entry.key()))
                    .toList();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, where the key is written, and its value. */
    record Entry(String key, Location keyLocation, YamlNode value) {}

    /** A sequence. */
    record YamlList(Location location, List<YamlNode> items) implements YamlNode {

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar as written ({@code yes} stays {@code yes}), with the type YAML gave it. */
    record YamlScalar(Location location, Kind kind, String text) implements YamlNode {

        /** What YAML made of the scalar; quoted scalars are always strings. */
        public enum Kind {
            STRING,
            INTEGER,
            DECIMAL,
            TRUE,
            FALSE,
            NULL
        }

        public boolean isNull() {
            return kind == Kind.NULL;
        }

        public boolean isBoolean() {
            return kind == Kind.TRUE || kind == Kind.FALSE;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "nothing";
                case TRUE, FALSE -> "the boolean " + text;
                case INTEGER, DECIMAL -> "the number " + text;
                case STRING -> "the text \"" + text + "\"";
            };
        }
    }
}
