package dev.bridle.internal.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.bridle.internal.yaml.YamlNode.Entry;
import dev.bridle.internal.yaml.YamlNode.Location;
import dev.bridle.internal.yaml.YamlNode.YamlList;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import dev.bridle.internal.yaml.YamlNode.YamlScalar.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Streams YAML through Jackson's parser and builds a {@link YamlNode} tree that keeps every node's location. Text that
 * is not YAML, duplicate keys, aliases and a second document become problems, worded for the kind of file by its
 * {@link Hints}.
 */
public final class YamlReader {

    /**
     * How one kind of file finishes the problems the reader finds: each hint follows {@code "; "} and says what to
     * write instead.
     *
     * @param syntax after {@code not valid YAML: <the parser's words>; }
     * @param duplicateKey after {@code duplicate key, already set on line N; }
     * @param alias after {@code the alias *name is not supported; }
     * @param secondDocument after {@code a second YAML document starts here; }
     * @param aliasReadsAs what an alias counts as once reported, so that it draws no second problem: {@code STRING}
     *     (its anchor's name) where values are mostly required scalars, {@code NULL} where they are mostly optional
     *     lists
     */
    public record Hints(String syntax, String duplicateKey, String alias, String secondDocument, Kind aliasReadsAs) {}

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Problems problems;
    private final Hints hints;

    public YamlReader(Problems problems, Hints hints) {
        this.problems = problems;
        this.hints = hints;
    }

    /**
     * The document's root; empty when the text holds no document (the caller says what the file should hold) or is not
     * valid YAML (a problem says where).
     */
    public Optional<YamlNode> read(String yaml) {
        try (YAMLParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = node(parser, first, "");
            if (parser.nextToken() != null) {
                problems.add(
                        location(parser.currentTokenLocation()),
                        "",
                        "a second YAML document starts here; " + hints.secondDocument());
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            problems.add(location(e.getLocation()), "", "not valid YAML: " + describe(e) + "; " + hints.syntax());
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string cannot fail this way", e);
        }
    }

    private YamlNode node(YAMLParser parser, JsonToken token, String path) throws IOException {
        Location at = location(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            problems.add(at, path, "the alias *" + parser.getText() + " is not supported; " + hints.alias());
            return new YamlScalar(at, hints.aliasReadsAs(), parser.getText());
        }
        return switch (token) {
            case START_OBJECT -> map(parser, at, path);
            case START_ARRAY -> list(parser, at, path);
            case VALUE_NUMBER_INT -> new YamlScalar(at, Kind.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT -> new YamlScalar(at, Kind.DECIMAL, parser.getText());
            case VALUE_TRUE -> new YamlScalar(at, Kind.TRUE, parser.getText());
            case VALUE_FALSE -> new YamlScalar(at, Kind.FALSE, parser.getText());
            case VALUE_NULL -> new YamlScalar(at, Kind.NULL, parser.getText());
            default -> new YamlScalar(at, Kind.STRING, parser.getText());
        };
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
                problems.add(
                        keyAt,
                        keyPath,
                        "duplicate key, already set on line "
                                + earlier.keyLocation().line() + "; " + hints.duplicateKey());
            } else {
                entries.put(key, new Entry(key, keyAt, value));
            }
        }
        return new YamlMap(at, Collections.unmodifiableMap(entries));
    }

    private YamlList list(YAMLParser parser, Location at, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(node(parser, token, DocPath.index(path, items.size())));
        }
        return new YamlList(at, Collections.unmodifiableList(items));
    }

    private static Location location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new Location(1, 1);
        }
        return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** SnakeYAML's own words, without the excerpt of the file it appends. */
    private static String describe(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            Mark context = marked.getContextMark();
            return marked.getProblem()
                    + (marked.getContext() == null || context == null
                            ? ""
                            : " (" + marked.getContext() + " at line " + (context.getLine() + 1) + ", column "
                                    + (context.getColumn() + 1) + ")");
        }
        return e.getOriginalMessage().lines().findFirst().orElse("unreadable");
    }
}
