package dev.bridle.internal.config;

import java.util.Objects;

/**
 * The platform app the bots run under.
 *
 * @param name the app's name; it must name its environment ({@code acme-bots-dev})
 * @param purpose what the bots are for, in a sentence
 */
public record AppConfig(String name, String purpose) {

    public AppConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
    }
}
