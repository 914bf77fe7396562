package dev.bridle.internal.config;

import dev.bridle.internal.yaml.YamlProblem;
import java.util.List;

/**
 * A configuration that cannot be used. It carries every problem found, not just the first, in the order they appear in
 * the file; {@link #getMessage()} lists them one per line.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<YamlProblem> problems;

    public ConfigException(String file, List<YamlProblem> problems) {
        super(YamlProblem.listing("Invalid configuration " + file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<YamlProblem> problems() {
        return problems;
    }
}
