package dev.bridle.config;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML document that remembers where each node was written, so that every problem can
 * name its line and column. Jackson's tree model forgets locations; this keeps them.
 */
sealed interface YamlNode {

    Location location();

    /** A position in the file, both counted from 1. */
    record Location(int line, int column) implements Comparable<Location> {

        static final Location FILE = new Location(0, 0);

        @Override
        public int compareTo(Location other) {
            return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
        }
    }

    /** A mapping; keys keep their order and their own location. */
    record YamlMap(Location location, Map<String, Entry> entries) implements YamlNode {
    }

    /** One key of a mapping. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    /** A sequence. */
    record YamlList(Location location, List<YamlNode> items) implements YamlNode {
    }

    /** A scalar as written, with the type YAML gave a plain scalar. */
    record YamlScalar(Location location, Kind kind, String text) implements YamlNode {

        /** What YAML made of the scalar; quoted scalars are always strings. */
        enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        boolean isNull() {
            return kind == Kind.NULL;
        }
    }
}
