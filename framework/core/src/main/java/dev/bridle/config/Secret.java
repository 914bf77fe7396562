package dev.bridle.config;

import java.util.Objects;

/**
 * A credential from configuration. It prints as {@code ****} so that it cannot reach a log, an
 * exception message or the ledger by accident; only {@link #reveal()} gives the value, and only
 * the platform adapter and the store call it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret value. Call only where it is used, never to print it. */
    public String reveal() {
        return value;
    }

    /** Whether the value is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
