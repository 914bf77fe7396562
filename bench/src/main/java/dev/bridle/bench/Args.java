package dev.bridle.bench;

import java.util.Arrays;
import java.util.List;

/** A harness's command line: {@code --quick} and {@code --name value} options. */
public final class Args {

    private final List<String> args;

    public Args(String[] args) {
        this.args = Arrays.asList(args);
    }

    /** Whether {@code --quick} was given: a short run for checking, not for the record. */
    public boolean quick() {
        return has("--quick");
    }

    public boolean has(String flag) {
        return args.contains(flag);
    }

    public String get(String name, String otherwise) {
        int i = args.indexOf(name);
        if (i < 0) {
            return otherwise;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(i + 1);
    }

    public int getInt(String name, int otherwise) {
        return Integer.parseInt(
                get(name, Integer.toString(otherwise)).replace("_", "").replace(",", ""));
    }

    /** {@code full} unless {@code --quick}, then {@code quick}; {@code --name} overrides both. */
    public int size(String name, int full, int quick) {
        return getInt(name, quick() ? quick : full);
    }
}
