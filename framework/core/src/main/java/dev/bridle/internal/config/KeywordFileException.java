package dev.bridle.internal.config;

import dev.bridle.internal.yaml.YamlProblem;
import java.util.List;

/**
 * A keyword file that cannot be used. It carries every problem found, in file order; {@link #getMessage()} lists them
 * one per line. A running {@link KeywordFile} keeps its last good keywords when an edit fails like this.
 */
public final class KeywordFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final transient List<YamlProblem> problems;

    public KeywordFileException(String file, List<YamlProblem> problems) {
        super(YamlProblem.listing("Invalid keyword file " + file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a KeywordFileException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file, as it was named when loaded. */
    public String file() {
        return file;
    }

    /** Every problem, in file order. */
    public List<YamlProblem> problems() {
        return problems;
    }
}
