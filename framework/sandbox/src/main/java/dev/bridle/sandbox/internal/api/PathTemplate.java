package dev.bridle.sandbox.internal.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Matches a path against a template whose {@code :name} segments are parameters. */
public final class PathTemplate {
    private PathTemplate() {}

    /** The parameters when {@code path} fits {@code template}. */
    public static Optional<Map<String, String>> match(String template, String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith(":")) {
                if (got[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(want[i].substring(1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
