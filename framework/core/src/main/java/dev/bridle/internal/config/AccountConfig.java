package dev.bridle.internal.config;

import java.util.Objects;

/**
 * An account bots act as.
 *
 * @param handle its @handle, without the {@code @}
 * @param credentials its OAuth 1.0a credentials, or {@code null} to run it in the sandbox
 */
public record AccountConfig(String handle, Credentials credentials) {

    public AccountConfig {
        Objects.requireNonNull(handle, "handle");
    }
}
