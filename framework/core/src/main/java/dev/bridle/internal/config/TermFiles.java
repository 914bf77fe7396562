package dev.bridle.internal.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which term files the recognisers read ({@code recognisers:}): the sensitive categories facts are screened with, and
 * the watch-rule terms search queries and stream rules are classified with. A file not named is looked for beside the
 * configuration file ({@code sensitive-terms.yaml}, {@code watch-terms.yaml}); when there is none either, the terms
 * shipped with Bridle are used.
 *
 * @param sensitiveTerms the file named by {@code recognisers.sensitiveTerms}, absolute, or {@code null}
 * @param watchTerms the file named by {@code recognisers.watchTerms}, absolute, or {@code null}
 */
public record TermFiles(Path sensitiveTerms, Path watchTerms) {

    /** The file name looked for beside the configuration file for the sensitive categories. */
    public static final String SENSITIVE_TERMS = "sensitive-terms.yaml";
    /** The file name looked for beside the configuration file for the watch rules. */
    public static final String WATCH_TERMS = "watch-terms.yaml";

    /** Nothing named: the files beside the configuration, or the shipped terms. */
    public static TermFiles none() {
        return new TermFiles(null, null);
    }

    /** The sensitive-category file to read for a configuration read from {@code configFile}, or {@code null}. */
    public Path sensitiveTermsFor(Path configFile) {
        return sensitiveTerms != null ? sensitiveTerms : beside(configFile, SENSITIVE_TERMS);
    }

    /** The watch-rule file to read for a configuration read from {@code configFile}, or {@code null}. */
    public Path watchTermsFor(Path configFile) {
        return watchTerms != null ? watchTerms : beside(configFile, WATCH_TERMS);
    }

    private static Path beside(Path configFile, String name) {
        if (configFile == null) {
            return null;
        }
        Path file = configFile.toAbsolutePath().resolveSibling(name);
        return Files.isRegularFile(file) ? file : null;
    }
}
