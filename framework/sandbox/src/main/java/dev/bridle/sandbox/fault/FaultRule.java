package dev.bridle.sandbox.fault;

import java.util.List;
import java.util.Objects;

/**
 * One line of a {@link FaultPlan}: which requests it applies to, and either a scripted sequence of faults (each
 * matching request takes the next; when the script runs out the rule is spent) or a fault applied to a fraction of
 * matching requests.
 *
 * <p>The selector is {@code "METHOD /path/template"} as in {@link dev.bridle.sandbox.Sandbox#endpoints()}, e.g.
 * {@code "POST /2/tweets"} or {@code "DELETE /2/users/:source_user_id/following/:target_user_id"}. The method may be
 * {@code *}; a template ending in {@code *} matches every endpoint starting with it ({@code "* /2/*"}).
 *
 * @param selector the requests this rule applies to
 * @param script the faults for the next matching requests, in order; empty for a fraction rule
 * @param fraction the share of matching requests that get {@code fault}, 0 to 1; unused for a script
 * @param fault the fault of a fraction rule; {@code null} for a script
 */
public record FaultRule(String selector, List<Fault> script, double fraction, Fault fault) {

    public FaultRule {
        Objects.requireNonNull(selector, "selector");
        if (selector.trim().split("\\s+").length != 2) {
            throw new IllegalArgumentException(
                    "a fault selector is \"METHOD /template\", e.g. \"POST /2/tweets\": " + selector);
        }
        script = List.copyOf(script);
        if (fault == null && script.isEmpty()) {
            throw new IllegalArgumentException("a fault rule needs a script or a fault: " + selector);
        }
        if (fault != null && !script.isEmpty()) {
            throw new IllegalArgumentException("a fault rule has a script or a fraction, not both: " + selector);
        }
        if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
            throw new IllegalArgumentException("fraction must be within 0..1, was " + fraction);
        }
    }

    /** A scripted rule. */
    public static FaultRule scripted(String selector, List<Fault> script) {
        return new FaultRule(selector, script, 0, null);
    }

    /** A rule that applies {@code fault} to a share of the matching requests. */
    public static FaultRule fraction(String selector, double fraction, Fault fault) {
        return new FaultRule(selector, List.of(), fraction, Objects.requireNonNull(fault, "fault"));
    }

    /** Whether this is a scripted rule. */
    public boolean isScripted() {
        return fault == null;
    }

    /** Whether the rule applies to a request of {@code method} to the endpoint {@code template}. */
    public boolean matches(String method, String template) {
        String[] parts = selector.trim().split("\\s+");
        boolean methodOk = parts[0].equals("*") || parts[0].equalsIgnoreCase(method);
        String pattern = parts[1];
        boolean pathOk = pattern.endsWith("*")
                ? template.startsWith(pattern.substring(0, pattern.length() - 1))
                : template.equals(pattern);
        return methodOk && pathOk;
    }
}
