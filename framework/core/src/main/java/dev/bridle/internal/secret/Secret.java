package dev.bridle.internal.secret;

import java.util.Objects;
import java.util.Optional;

/**
 * A credential from configuration. It prints as {@code ****} so that it cannot reach a log, an exception message or the
 * ledger by accident; only {@link #reveal()} gives the value, and only the platform adapter and the store call it.
 */
public final class Secret {

    private final String value;
    private final String variable;

    private Secret(String value, String variable) {
        this.value = Objects.requireNonNull(value, "value");
        this.variable = variable;
    }

    public static Secret of(String value) {
        return new Secret(value, null);
    }

    /**
     * A secret read from the environment variable {@code variable} (written {@code ${env:NAME}} in configuration), so
     * that printed configuration can say where it came from.
     */
    public static Secret fromEnvironment(String variable, String value) {
        return new Secret(value, Objects.requireNonNull(variable, "variable"));
    }

    /** The environment variable the value came from, if it came from exactly one. */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
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
