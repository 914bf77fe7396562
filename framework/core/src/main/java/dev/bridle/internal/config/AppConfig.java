package dev.bridle.internal.config;

import dev.bridle.config.Purpose;
import java.util.Objects;
import java.util.Set;

/**
 * The platform app the bots run under.
 *
 * @param name the app's name; it must name its environment ({@code acme-bots-dev})
 * @param purpose what the bots are for, in a sentence
 * @param purposes what the bots are for, from {@link Purpose}'s list; none declared means no reads and no facts
 */
public record AppConfig(String name, String purpose, Set<Purpose> purposes) {

    public AppConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
        purposes = Set.copyOf(purposes);
    }

    /** An app that declares no purposes from the list. */
    public AppConfig(String name, String purpose) {
        this(name, purpose, Set.of());
    }
}
