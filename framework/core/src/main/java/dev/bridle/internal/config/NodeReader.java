package dev.bridle.internal.config;

import dev.bridle.internal.config.EnvSubstitution.Resolved;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.Problems;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.YamlList;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed values out of {@link YamlNode}s. Each method either returns the value or reports a problem saying what
 * was found and what was expected, and returns {@code null}, so that reading carries on and every problem in the file
 * is found in one pass.
 */
final class NodeReader {

    private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");
    private static final Set<String> FALSE = Set.of("false", "no", "off", "n");

    private final Problems problems;
    private final EnvSubstitution env;

    NodeReader(Problems problems, EnvSubstitution env) {
        this.problems = problems;
        this.env = env;
    }

    Problems problems() {
        return problems;
    }

    /** A mapping whose keys must all be among {@code keys}; unknown keys are problems. */
    Section section(YamlNode node, String path, String expected, List<String> keys) {
        if (!(node instanceof YamlMap map)) {
            wrongType(node, path, expected);
            return null;
        }
        for (YamlNode.Entry entry : map.unknown(keys)) {
            problems.add(
                    entry.keyLocation(),
                    DocPath.key(path, entry.key()),
                    "unknown key" + Suggestions.didYouMean(entry.key(), keys) + "; expected one of "
                            + String.join(", ", keys));
        }
        return new Section(map, path, this, keys);
    }

    /** A sequence; a single scalar counts as a list of one when {@code oneAllowed}. */
    List<YamlNode> list(YamlNode node, String path, String expected, boolean oneAllowed) {
        if (node instanceof YamlList list) {
            return list.items();
        }
        if (oneAllowed && node instanceof YamlScalar) {
            return List.of(node);
        }
        wrongType(node, path, expected);
        return null;
    }

    /** Any scalar as text, with {@code ${env:NAME}} replaced in strings. */
    String text(YamlNode node, String path, String expected) {
        if (!(node instanceof YamlScalar scalar)) {
            wrongType(node, path, expected);
            return null;
        }
        if (scalar.kind() != YamlScalar.Kind.STRING) {
            return scalar.text();
        }
        Resolved resolved = env.resolve(scalar.text(), scalar.location(), path, problems, false);
        return resolved == null ? null : resolved.value();
    }

    /** A secret; its value never appears in a problem. */
    Secret secret(YamlNode node, String path, String expected) {
        if (!(node instanceof YamlScalar scalar)) {
            wrongType(node, path, expected);
            return null;
        }
        if (scalar.kind() != YamlScalar.Kind.STRING) {
            return Secret.of(scalar.text());
        }
        Resolved resolved = env.resolve(scalar.text(), scalar.location(), path, problems, true);
        if (resolved == null) {
            return null;
        }
        return resolved.isOneVariable(scalar.text())
                ? Secret.fromEnvironment(resolved.variables().get(0), resolved.value())
                : Secret.of(resolved.value());
    }

    Boolean bool(YamlNode node, String path) {
        String expected = "true or false";
        String text = text(node, path, expected);
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean yamlBoolean = node instanceof YamlScalar s && s.isBoolean();
        if (lower.equals("true") || yamlBoolean && TRUE.contains(lower)) {
            return true;
        }
        if (lower.equals("false") || yamlBoolean && FALSE.contains(lower)) {
            return false;
        }
        problems.add(node.location(), path, "found " + describe(node) + "; expected " + expected);
        return null;
    }

    Integer integer(YamlNode node, String path, String expected) {
        String text = text(node, path, expected);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(node.location(), path, "found " + describe(node) + "; expected " + expected);
            return null;
        }
    }

    /** A decimal number, like {@code 0.85}. */
    BigDecimal decimal(YamlNode node, String path, String expected) {
        String text = text(node, path, expected);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(
                    node.location(), path, "found " + describe(node) + ", which is not a number; expected " + expected);
            return null;
        }
    }

    /**
     * A span of time of at least {@code least} ({@link Spans} says how it is written), or {@code null} after reporting
     * what is wrong; {@code what} says what it is for.
     */
    Duration span(YamlNode node, String path, String what, Duration least) {
        String expected = what + ", a span of time"
                + (least.isZero() ? " (0s for none)" : " of at least " + Spans.format(least)) + ", " + Spans.EXAMPLES;
        String text = text(node, path, expected);
        if (text == null) {
            return null;
        }
        Duration span = Spans.parse(text).orElse(null);
        if (span == null) {
            String hint = text.strip().matches("\\d+") ? ", which has no unit" : ", which is not a span of time";
            problems.add(node.location(), path, "found " + describe(node) + hint + "; expected " + expected);
            return null;
        }
        if (span.compareTo(least) < 0) {
            problems.add(
                    node.location(),
                    path,
                    "found " + describe(node) + ", which is "
                            + (span.isNegative() || span.isZero()
                                    ? "not longer than zero"
                                    : "shorter than " + Spans.format(least))
                            + "; expected " + expected);
            return null;
        }
        return span;
    }

    /**
     * One of {@code choices} (keys as written, any case), or {@code null} after reporting what was found, with a "did
     * you mean" when it is close to one.
     */
    <T> T choice(YamlNode node, String path, Map<String, T> choices, String expected) {
        String text = text(node, path, expected);
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, T> choice : choices.entrySet()) {
            if (choice.getKey().equalsIgnoreCase(text.strip())) {
                return choice.getValue();
            }
        }
        problems.add(
                node.location(),
                path,
                "found " + describe(node) + Suggestions.didYouMean(text.strip(), choices.keySet()) + "; expected "
                        + expected);
        return null;
    }

    /** Reports that {@code node} is not what was expected. */
    void wrongType(YamlNode node, String path, String expected) {
        problems.add(node.location(), path, "found " + describe(node) + "; expected " + expected);
    }

    /** Reports a problem at {@code node}. */
    void problem(YamlNode node, String path, String message) {
        problems.add(node.location(), path, message);
    }

    /**
     * How a node was written, for messages: a scalar as written in the file (so a value taken from the environment
     * shows as its {@code ${env:NAME}}, never the value), else "a map" or "a list".
     */
    static String describe(YamlNode node) {
        if (node instanceof YamlMap) {
            return "a map";
        }
        if (node instanceof YamlList) {
            return "a list";
        }
        YamlScalar scalar = (YamlScalar) node;
        return switch (scalar.kind()) {
            case NULL -> "no value";
            case STRING -> Quoting.quote(scalar.text());
            default -> scalar.text();
        };
    }
}
