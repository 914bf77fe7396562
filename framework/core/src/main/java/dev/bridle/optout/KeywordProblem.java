package dev.bridle.optout;

import java.util.Objects;

/**
 * One thing wrong with a keyword file, where it is and what was expected. It prints as
 * {@code file:line:column: path: message}, like the configuration's problems, so terminals and
 * editors link it.
 *
 * @param file the file, as it was named when loaded
 * @param line the line, from 1; 0 when the problem concerns the whole file
 * @param column the column, from 1; 0 when the problem concerns the whole file
 * @param path where in the document, like {@code languages.fr.opt_out[3]}; empty for the document
 * @param message what is wrong and what was expected
 */
public record KeywordProblem(String file, int line, int column, String path, String message) {

    public KeywordProblem {
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
