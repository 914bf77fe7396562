package dev.bridle.internal.yaml;

import dev.bridle.internal.yaml.YamlNode.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems in one file while it is read, so that all of them are reported at once. */
public final class Problems {

    private final String file;
    private final List<YamlProblem> found = new ArrayList<>();

    /** Problems in {@code file}, as it was named when loaded. */
    public Problems(String file) {
        this.file = file;
    }

    public void add(Location at, String path, String message) {
        found.add(new YamlProblem(file, at.line(), at.column(), path, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** How many problems so far: a reader compares it before and after a part to know whether that part had any. */
    public int count() {
        return found.size();
    }

    /** Every problem so far, in file order. */
    public List<YamlProblem> inFileOrder() {
        List<YamlProblem> sorted = new ArrayList<>(found);
        // Stable: problems at the same place keep the order they were found in.
        sorted.sort(Comparator.comparingInt(YamlProblem::line).thenComparingInt(YamlProblem::column));
        return List.copyOf(sorted);
    }
}
