package dev.bridle.internal.config;

import dev.bridle.internal.yaml.YamlProblem;
import java.util.List;

/**
 * A term file (sensitive categories, watch rules) that cannot be used. It carries every problem found, in file order;
 * {@link #getMessage()} lists them one per line with file:line.
 */
public final class TermFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<YamlProblem> problems;

    public TermFileException(String kind, String file, List<YamlProblem> problems) {
        super(YamlProblem.listing("Invalid " + kind + " " + file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a TermFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<YamlProblem> problems() {
        return problems;
    }
}
