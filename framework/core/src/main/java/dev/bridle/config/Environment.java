package dev.bridle.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which environment an app is for. The platform's rules ask that development, staging and production apps are kept
 * apart and labelled, so the app's name must say which it is.
 */
public enum Environment {
    DEV(Set.of("dev", "development", "test", "testing", "sandbox", "local")),
    STAGING(Set.of("staging", "stage", "stg", "preprod", "qa")),
    PROD(Set.of("prod", "production", "live"));

    private final Set<String> labels;

    Environment(Set<String> labels) {
        this.labels = labels;
    }

    /** The words in an app name that mark it as this environment. */
    public Set<String> labels() {
        return labels;
    }

    /**
     * The environment an app's name declares, from its words ({@code acme-bots-dev} is DEV). Empty when the name
     * declares none, or more than one.
     */
    public static Optional<Environment> declaredBy(String appName) {
        Set<Environment> found = EnumSet.noneOf(Environment.class);
        for (String word : appName.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            for (Environment e : values()) {
                if (e.labels.contains(word)) {
                    found.add(e);
                }
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Parses {@code dev}, {@code staging} or {@code prod}, in any case. */
    public static Optional<Environment> parse(String text) {
        for (Environment e : values()) {
            if (e.name().equalsIgnoreCase(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
