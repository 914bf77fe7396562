package dev.bridle.internal.dedupe;

import java.util.Objects;

/** What {@link NearDuplicateIndex#reserve} did. */
public sealed interface ReserveResult {

    /** Nothing in the window denies the text; it is now reserved. */
    record Reserved() implements ReserveResult {}

    /** An earlier post denies the text; nothing was reserved. */
    record Refused(Match match) implements ReserveResult {
        public Refused {
            Objects.requireNonNull(match, "match");
        }
    }

    /** The request was released before its reservation arrived (its guard timed out); nothing was reserved. */
    record Withdrawn() implements ReserveResult {}
}
