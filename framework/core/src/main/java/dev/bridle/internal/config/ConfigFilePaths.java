package dev.bridle.internal.config;

import dev.bridle.internal.yaml.YamlNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A file named in the configuration (the opt-out keywords, the term files): relative to the configuration file's
 * directory unless absolute, checked to exist and be usable where it is named, and kept absolute so that the printed
 * configuration names the same file wherever it is read from.
 */
final class ConfigFilePaths {

    private ConfigFilePaths() {}

    /**
     * The file {@code node} names, or {@code null} after reporting why it cannot be used.
     *
     * @param configFile the configuration file, or {@code null} when there is none
     * @param expected what the key takes, for messages
     * @param problem what is wrong with a file, as the rest of a sentence about where it was named ({@code ", but there
     *     is no file ..."}), or empty when it is usable
     */
    static Path read(
            NodeReader nodes,
            YamlNode node,
            String path,
            Path configFile,
            String expected,
            Function<Path, Optional<String>> problem) {
        String text = nodes.text(node, path, expected);
        if (text == null) {
            return null;
        }
        Path shown; // as messages name it: beside the configuration file, as that was named
        try {
            Path written = Path.of(text.strip());
            shown = (written.isAbsolute() || configFile == null ? written : configFile.resolveSibling(written))
                    .normalize();
        } catch (InvalidPathException e) {
            nodes.problem(
                    node, path, "found " + NodeReader.describe(node) + ", which is not a path; expected " + expected);
            return null;
        }
        Optional<String> unusable = problem.apply(shown);
        if (unusable.isPresent()) {
            nodes.problem(node, path, "found " + NodeReader.describe(node) + unusable.get());
            return null;
        }
        return shown.toAbsolutePath().normalize();
    }
}
