package dev.bridle.internal.guard;

import dev.bridle.guard.Verdict;
import java.util.Objects;

/**
 * The guard chain's answer: the first verdict that was not an allow, and the guard that gave it.
 *
 * @param verdict what was decided
 * @param guard the name of the deciding guard, or {@code null} when every guard allowed
 */
public record Decision(Verdict verdict, String guard) {

    private static final Decision ALLOWED = new Decision(Verdict.ALLOW, null);

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Every guard allowed. */
    public static Decision allowed() {
        return ALLOWED;
    }

    /** Whether every guard allowed. */
    public boolean allows() {
        return verdict.allows();
    }
}
