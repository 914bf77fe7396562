package dev.bridle.internal.consent;

import dev.bridle.consent.ConsentScope;
import java.util.Objects;

/**
 * Whether a user's consent covers one scope on one account at one moment, and the event that decides it.
 *
 * @param kind the answer
 * @param scope the scope asked about
 * @param event the covering grant ({@link Kind#COVERED}), the lapsed grant ({@link Kind#EXPIRED}), the withdrawal
 *     ({@link Kind#WITHDRAWN}), a live grant of other scopes ({@link Kind#OTHER_SCOPES}), or {@code null}
 *     ({@link Kind#NONE})
 */
public record Coverage(Kind kind, ConsentScope scope, ConsentEvent event) {

    /** The answers. */
    public enum Kind {
        /** A live grant covers the scope. */
        COVERED,
        /** The latest grants of the scope have lapsed. */
        EXPIRED,
        /** The user withdrew the scope (or it was invalidated) and has not given it again. */
        WITHDRAWN,
        /** The user consented, but only to other scopes. */
        OTHER_SCOPES,
        /** Nothing on record. */
        NONE
    }

    public Coverage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        if ((kind == Kind.NONE) != (event == null)) {
            throw new IllegalArgumentException(kind + " " + (event == null ? "needs" : "takes no") + " event");
        }
    }

    /** Whether contact in this scope is allowed by consent (opt-outs are checked apart). */
    public boolean covered() {
        return kind == Kind.COVERED;
    }
}
