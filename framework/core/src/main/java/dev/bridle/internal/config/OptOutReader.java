package dev.bridle.internal.config;

import dev.bridle.consent.OptOutScope;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code optout:} onto {@link OptOutSettings}; what is not written keeps its default. The keyword file is read
 * relative to the configuration file's directory, and checked here, so that {@code bridle check} finds its problems
 * before a run does.
 */
final class OptOutReader {

    static final List<String> KEYS =
            List.of("keywords", "scope", "accounts", "confirm", "askWhenAmbiguous", "cacheTtl");

    private static final Map<String, OptOutScope> SCOPES =
            Map.of("operator", OptOutScope.OPERATOR, "account", OptOutScope.ACCOUNT);
    private static final String SCOPE_EXPECTED =
            "operator (every account of the operator) or account (only the account" + " written to)";
    private static final String KEYWORDS_EXPECTED = "the opt-out keyword file, a path relative to the configuration"
            + " file's directory, like optout-keywords.yaml";

    private final NodeReader nodes;
    private final AccountsReader accounts;
    private final Path configFile;

    /**
     * @param accounts has read {@code accounts:}: per-account scopes must name its handles
     * @param configFile the configuration file, whose directory relative paths are read from; {@code null} for the
     *     working directory
     */
    OptOutReader(NodeReader nodes, AccountsReader accounts, Path configFile) {
        this.nodes = nodes;
        this.accounts = accounts;
        this.configFile = configFile;
    }

    /** The settings, or {@code null} after reporting every problem. */
    OptOutSettings read(YamlNode node, String path) {
        OptOutSettings defaults = OptOutSettings.defaults();
        if (node == null) {
            return defaults;
        }
        Section section = nodes.section(
                node, path, "opt-out settings, like { keywords: optout-keywords.yaml, scope: operator }", KEYS);
        if (section == null) {
            return null;
        }
        int before = nodes.problems().count();
        Path keywords = section.get("keywords") == null
                ? defaults.keywordFile()
                : keywords(section.get("keywords"), section.path("keywords"));
        OptOutScope scope = section.get("scope") == null
                ? defaults.scope()
                : nodes.choice(section.get("scope"), section.path("scope"), SCOPES, SCOPE_EXPECTED);
        Map<String, OptOutScope> accountScopes = section.get("accounts") == null
                ? defaults.accountScopes()
                : accountScopes(section.get("accounts"), section.path("accounts"));
        Boolean confirm = section.get("confirm") == null
                ? Boolean.valueOf(defaults.confirm())
                : nodes.bool(section.get("confirm"), section.path("confirm"));
        Boolean ask = section.get("askWhenAmbiguous") == null
                ? Boolean.valueOf(defaults.askWhenAmbiguous())
                : nodes.bool(section.get("askWhenAmbiguous"), section.path("askWhenAmbiguous"));
        Duration cacheTtl = section.get("cacheTtl") == null
                ? defaults.cacheTtl()
                : nodes.span(
                        section.get("cacheTtl"),
                        section.path("cacheTtl"),
                        "how long the early opt-out guard trusts its cache (the final check always reads the database)",
                        Duration.ZERO);
        if (nodes.problems().count() > before) {
            return null;
        }
        return new OptOutSettings(scope, accountScopes, keywords, cacheTtl, confirm, ask);
    }

    private Path keywords(YamlNode node, String path) {
        return ConfigFilePaths.read(nodes, node, path, configFile, KEYWORDS_EXPECTED, OptOutReader::keywordFileProblem);
    }

    /**
     * What is wrong with the keyword file {@code file}, as the rest of a sentence about where it was named ({@code ",
     * but there is no file ..."}), or empty when it is a usable keyword file.
     */
    static Optional<String> keywordFileProblem(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.of(", but there is no file " + file + "; expected " + KEYWORDS_EXPECTED);
        }
        try {
            KeywordFileReader.load(file);
            return Optional.empty();
        } catch (KeywordFileException e) {
            return Optional.of(
                    ", which is not a usable keyword file (" + e.problems().size()
                            + (e.problems().size() == 1 ? " problem: " : " problems, the first: ")
                            + e.problems().get(0)
                            + "); expected a file that bridle keywords check --keywords " + file + " accepts");
        }
    }

    private Map<String, OptOutScope> accountScopes(YamlNode node, String path) {
        if (!(node instanceof YamlMap map)) {
            nodes.wrongType(
                    node, path, "per account handle, how far its opt-outs reach, like { acme_support: account }");
            return null;
        }
        Map<String, OptOutScope> scopes = new LinkedHashMap<>();
        for (YamlNode.Entry entry : map.entries().values()) {
            String entryPath = DocPath.key(path, entry.key());
            String handle = accounts.configuredHandle(entry, entryPath);
            OptOutScope scope = nodes.choice(entry.value(), entryPath, SCOPES, SCOPE_EXPECTED);
            if (handle != null && scope != null) {
                scopes.put(handle, scope);
            }
        }
        return scopes;
    }
}
