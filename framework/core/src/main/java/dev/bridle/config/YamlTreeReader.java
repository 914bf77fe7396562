package dev.bridle.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.bridle.config.YamlNode.Entry;
import dev.bridle.config.YamlNode.Location;
import dev.bridle.config.YamlNode.YamlList;
import dev.bridle.config.YamlNode.YamlMap;
import dev.bridle.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Streams YAML through Jackson's parser and builds a {@link YamlNode} tree that keeps every
 * node's location. Syntax errors, duplicate keys and aliases become problems.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Problems problems;

    YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or empty when it has none or is not valid YAML (a problem says which). */
    Optional<YamlNode> read(String yaml) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(1, 1), "", "the file is empty; expected a configuration"
                        + " starting with environment: and app:");
                return Optional.empty();
            }
            YamlNode root = node(parser, first, "");
            if (parser.nextToken() != null) {
                problems.add(location(parser.currentTokenLocation()), "", "a second YAML document starts here;"
                        + " expected the whole configuration in one document");
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            problems.add(location(e.getLocation()), "", "not valid YAML: " + describe(e)
                    + "; expected well-formed YAML (check the indentation, and quote values containing ': ' or ' #')");
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string cannot fail this way", e);
        }
    }

    private YamlNode node(YAMLParser parser, JsonToken token, String path) throws IOException {
        Location at = location(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> map(parser, at, path);
            case START_ARRAY -> list(parser, at, path);
            case VALUE_STRING -> string(parser, at, path);
            case VALUE_NUMBER_INT -> new YamlScalar(at, YamlScalar.Kind.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT -> new YamlScalar(at, YamlScalar.Kind.DECIMAL, parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(at, YamlScalar.Kind.BOOLEAN, parser.getText());
            case VALUE_NULL -> new YamlScalar(at, YamlScalar.Kind.NULL, parser.getText());
            default -> new YamlScalar(at, YamlScalar.Kind.STRING, parser.getText());
        };
    }

    private YamlScalar string(YAMLParser parser, Location at, String path) throws IOException {
        if (parser.isCurrentAlias()) {
            problems.add(at, path, "the alias *" + parser.getText() + " is not supported;"
                    + " expected the value written out in full");
        }
        return new YamlScalar(at, YamlScalar.Kind.STRING, parser.getText());
    }

    private YamlMap map(YAMLParser parser, Location at, String path) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new IllegalStateException("expected a key, got " + token);
            }
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation());
            String keyPath = DocPath.key(path, key);
            YamlNode value = node(parser, parser.nextToken(), keyPath);
            Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.add(keyAt, keyPath, "duplicate key, already set on line " + earlier.keyLocation().line()
                        + "; expected each key once");
            } else {
                entries.put(key, new Entry(key, keyAt, value));
            }
        }
        return new YamlMap(at, entries);
    }

    private YamlList list(YAMLParser parser, Location at, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(node(parser, token, DocPath.index(path, items.size())));
        }
        return new YamlList(at, items);
    }

    private static Location location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new Location(1, 1);
        }
        return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** SnakeYAML's own words, without the excerpt of the file it appends. */
    private static String describe(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            String problem = marked.getProblem();
            if (marked.getContext() != null && marked.getContextMark() != null) {
                return problem + " (" + marked.getContext() + " at line " + (marked.getContextMark().getLine() + 1)
                        + ", column " + (marked.getContextMark().getColumn() + 1) + ")";
            }
            return problem;
        }
        return e.getOriginalMessage().lines().findFirst().orElse("unreadable");
    }
}
