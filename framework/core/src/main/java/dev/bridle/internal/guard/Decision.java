package dev.bridle.internal.guard;

import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import java.util.Objects;

/**
 * The guard chain's answer: the first verdict that was not an allow, the step or guard that gave it, and the request as
 * the plan's steps completed it ({@link RequestStep}).
 *
 * @param verdict what was decided
 * @param guard the name of the deciding step or guard, or {@code null} when every one allowed
 * @param request the request the guards saw, or {@code null} when no step changed the one given
 */
public record Decision(Verdict verdict, String guard, ActionRequest request) {

    private static final Decision ALLOWED = new Decision(Verdict.ALLOW, null);

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
    }

    /** A decision on the request as it was given. */
    public Decision(Verdict verdict, String guard) {
        this(verdict, guard, null);
    }

    /** The request as the plan completed it: the one decided on, else {@code given}. */
    public ActionRequest requestOr(ActionRequest given) {
        return request == null ? given : request;
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
