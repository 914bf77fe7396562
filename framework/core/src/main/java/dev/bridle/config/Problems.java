package dev.bridle.config;

import dev.bridle.config.YamlNode.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while a file is read, so that all of them are reported at once. */
final class Problems {

    private final String file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(Location at, String path, String message) {
        found.add(new ConfigProblem(file, at.line(), at.column(), path, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws every problem so far, in file order, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            List<ConfigProblem> inFileOrder = new ArrayList<>(found);
            // Stable: problems at the same place keep the order they were found in.
            inFileOrder.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(file, inFileOrder);
        }
    }
}
