package dev.bridle.internal.config;

import dev.bridle.internal.yaml.Problems;
import dev.bridle.internal.yaml.YamlNode.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} in string values with the environment variable's value, so that
 * secrets stay out of the file. {@code $${} writes a literal {@code ${}. Values read from the
 * environment are never put in a problem's message.
 */
final class EnvSubstitution {

    /** A resolved string and the variables that went into it. */
    record Resolved(String value, List<String> variables) {

        /** The variable, when the whole value is exactly one {@code ${env:NAME}}. */
        boolean isOneVariable(String raw) {
            return variables.size() == 1 && raw.equals("${env:" + variables.get(0) + "}");
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String EXPECTED =
            "expected ${env:NAME}, where NAME is an environment variable" + " (write $${ for a literal ${)";

    private final Map<String, String> environment;

    EnvSubstitution(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The value with every reference replaced, or {@code null} when a problem was reported. For a {@code secret},
     * problems do not quote the text: what surrounds a reference may be secret too.
     */
    Resolved resolve(String raw, Location at, String path, Problems problems, boolean secret) {
        StringBuilder value = new StringBuilder(raw.length());
        List<String> variables = new ArrayList<>();
        boolean ok = true;
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                value.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i + 2);
                if (end < 0) {
                    problems.add(
                            at, path, "unclosed ${" + (secret ? "" : " in " + Quoting.quote(raw)) + "; " + EXPECTED);
                    return null;
                }
                String reference = raw.substring(i + 2, end);
                String name = reference.startsWith("env:") ? reference.substring(4) : null;
                if (name == null || !NAME.matcher(name).matches()) {
                    problems.add(
                            at, path, "unknown reference" + (secret ? "" : " ${" + reference + "}") + "; " + EXPECTED);
                    ok = false;
                } else if (!environment.containsKey(name)) {
                    problems.add(
                            at,
                            path,
                            "environment variable " + name + " (read by ${env:" + name
                                    + "}) is not set; expected it set in the environment bridle runs in");
                    ok = false;
                } else {
                    value.append(environment.get(name));
                    variables.add(name);
                }
                i = end + 1;
            } else {
                value.append(raw.charAt(i));
                i++;
            }
        }
        return ok ? new Resolved(value.toString(), List.copyOf(variables)) : null;
    }
}
