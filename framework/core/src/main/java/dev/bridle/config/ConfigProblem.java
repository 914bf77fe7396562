package dev.bridle.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, where it is and what was expected. It prints as
 * {@code file:line:column: path: what is wrong; expected ...}, the form editors and terminals
 * turn into a link. It never holds a secret's value.
 *
 * @param file the file, as it was named when loaded
 * @param line the line, from 1; 0 when the problem concerns the whole file
 * @param column the column, from 1; 0 when the problem concerns the whole file
 * @param path where in the document, like {@code bots[1].schedule.cron}; empty for the document itself
 * @param message what is wrong and what was expected
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
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
