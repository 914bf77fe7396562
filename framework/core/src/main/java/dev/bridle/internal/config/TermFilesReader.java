package dev.bridle.internal.config;

import dev.bridle.internal.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads {@code recognisers:}: which term files facts and watch rules are judged by. */
final class TermFilesReader {

    static final List<String> KEYS = List.of("sensitiveTerms", "watchTerms");

    private final NodeReader nodes;
    private final Path configFile;

    TermFilesReader(NodeReader nodes, Path configFile) {
        this.nodes = nodes;
        this.configFile = configFile;
    }

    /** The section, or {@code null} after reporting every problem. */
    TermFiles read(YamlNode node, String path) {
        if (node == null) {
            return TermFiles.none();
        }
        Section section = nodes.section(
                node, path, "the recognisers' term files, like { sensitiveTerms: sensitive-terms.yaml }", KEYS);
        if (section == null) {
            return null;
        }
        Path sensitive = file(
                section,
                "sensitiveTerms",
                "a sensitive-category term file, relative to this file's directory, like sensitive-terms.yaml",
                "bridle facts test --terms",
                SensitiveTermsReader::load);
        Path watch = file(
                section,
                "watchTerms",
                "a watch-rule term file, relative to this file's directory, like watch-terms.yaml",
                "bridle watch test --terms",
                WatchTermsReader::load);
        boolean failed = section.get("sensitiveTerms") != null && sensitive == null
                || section.get("watchTerms") != null && watch == null;
        return failed ? null : new TermFiles(sensitive, watch);
    }

    private Path file(Section section, String key, String expected, String command, Consumer<Path> load) {
        YamlNode node = section.get(key);
        if (node == null) {
            return null;
        }
        return ConfigFilePaths.read(nodes, node, section.path(key), configFile, expected, file -> {
            if (!Files.isRegularFile(file)) {
                return Optional.of(", but there is no file " + file + "; expected " + expected);
            }
            try {
                load.accept(file);
                return Optional.empty();
            } catch (TermFileException e) {
                return Optional.of(
                        ", which is not a usable term file (" + e.problems().size()
                                + (e.problems().size() == 1 ? " problem: " : " problems, the first: ")
                                + e.problems().get(0) + "); expected a file that " + command + " " + file + " accepts");
            }
        });
    }
}
