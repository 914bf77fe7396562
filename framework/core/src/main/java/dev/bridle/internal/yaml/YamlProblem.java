package dev.bridle.internal.yaml;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a YAML file, where it is and what was expected. It prints as {@code file:line:column: path:
 * message}, the form editors and terminals turn into a link. Readers never put a secret's value in one.
 *
 * @param file the file, as it was named when loaded
 * @param line the line, from 1; 0 when the problem concerns the whole file
 * @param column the column, from 1; 0 when the problem concerns the whole file
 * @param path where in the document, like {@code bots[1].schedule.cron}; empty for the document itself
 * @param message what is wrong and what was expected
 */
public record YamlProblem(String file, int line, int column, String path, String message) {

    public YamlProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The message of an exception that carries {@code problems}: {@code heading: N problems}, then each problem on a
     * line of its own.
     */
    public static String listing(String heading, List<YamlProblem> problems) {
        StringBuilder text = new StringBuilder(heading)
                .append(": ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (YamlProblem problem : problems) {
            text.append(System.lineSeparator()).append(problem);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
