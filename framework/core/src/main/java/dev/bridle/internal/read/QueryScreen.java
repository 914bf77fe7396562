package dev.bridle.internal.read;

import dev.bridle.bot.ReasonCode;
import java.util.List;
import java.util.Optional;

/**
 * Classifies a search query or stream rule before it is used: whether it tracks sensitive events or groups
 * ({@code SURVEILLANCE}), profiles one person ({@code PROFILING}) or counts the platform wholesale
 * ({@code SERVICE_MEASUREMENT}). A screen that cannot decide throws.
 */
@FunctionalInterface
public interface QueryScreen {

    /** Why {@code query} may not be used, or empty if it may. */
    Optional<Watch> screen(String query);

    /**
     * A query that watches what it may not.
     *
     * @param code {@link ReasonCode#SURVEILLANCE}, {@link ReasonCode#PROFILING} or
     *     {@link ReasonCode#SERVICE_MEASUREMENT}
     * @param category {@code sensitive_event}, {@code sensitive_group}, {@code profiling} or {@code measurement}
     * @param terms what in the query matched
     */
    record Watch(ReasonCode code, String category, List<String> terms) {
        public Watch {
            terms = List.copyOf(terms);
        }
    }
}
