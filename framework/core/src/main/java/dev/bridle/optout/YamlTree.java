package dev.bridle.optout;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The keyword file as a tree that remembers where every node is, so each problem can name its
 * line. Read with Jackson's streaming YAML parser.
 */
final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** A node and where it starts. */
    sealed interface Node permits Scalar, MapNode, ListNode {
        int line();

        int column();

        /** What this node is, for "expected a list, found a text" messages. */
        String describe();
    }

    /** A plain value; {@code text} is as written ({@code yes} stays {@code yes}), {@code kind} is how YAML reads it. */
    record Scalar(int line, int column, JsonToken kind, String text) implements Node {

        boolean isNull() {
            return kind == JsonToken.VALUE_NULL;
        }

        boolean isBoolean() {
            return kind == JsonToken.VALUE_TRUE || kind == JsonToken.VALUE_FALSE;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case VALUE_NULL -> "nothing";
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
                default -> "the text \"" + text + "\"";
            };
        }
    }

    /** A key with where it is written, and its value. */
    record Entry(String key, int line, int column, Node value) {
    }

    /** A mapping, keys in file order. */
    record MapNode(int line, int column, Map<String, Entry> entries) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record ListNode(int line, int column, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** Thrown for text that is not YAML; carries where the parser stopped. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final List<KeywordProblem> problems;
    private final String file;

    private YamlTree(String file, List<KeywordProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or null for an empty document; duplicate keys and aliases go to {@code problems}. */
    static Node read(String yaml, String file, List<KeywordProblem> problems) throws SyntaxError {
        YamlTree tree = new YamlTree(file, problems);
        try (YAMLParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : tree.node(parser, first, "");
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String message = describe(e);
            throw new SyntaxError(message, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()));
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string cannot fail this way", e);
        }
    }

    /** SnakeYAML's own words, without the excerpt of the file it appends. */
    private static String describe(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            Mark context = marked.getContextMark();
            return marked.getProblem() + (marked.getContext() == null || context == null ? ""
                    : " (" + marked.getContext() + " at line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1) + ")");
        }
        return e.getOriginalMessage().lines().findFirst().orElse("unreadable");
    }

    private Node node(YAMLParser parser, JsonToken token, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (parser.isCurrentAlias()) {
            problems.add(new KeywordProblem(file, line, column, path,
                    "the alias *" + parser.getText() + " is not supported; write the value out in full"));
            return new Scalar(line, column, JsonToken.VALUE_NULL, "");
        }
        return switch (token) {
            case START_OBJECT -> map(parser, line, column, path);
            case START_ARRAY -> list(parser, line, column, path);
            default -> new Scalar(line, column, token, parser.getText());
        };
    }

    private MapNode map(YAMLParser parser, int line, int column, String path) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new IllegalStateException("expected a key, got " + token);
            }
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String keyPath = path.isEmpty() ? key : path + '.' + key;
            Node value = node(parser, parser.nextToken(), keyPath);
            Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.add(new KeywordProblem(file, keyAt.getLineNr(), keyAt.getColumnNr(), keyPath,
                        "duplicate key, already set on line " + earlier.line() + "; write each key once"));
            } else {
                entries.put(key, new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
            }
        }
        return new MapNode(line, column, entries);
    }

    private ListNode list(YAMLParser parser, int line, int column, String path) throws IOException {
        List<Node> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(node(parser, token, path + '[' + items.size() + ']'));
        }
        return new ListNode(line, column, items);
    }
}
