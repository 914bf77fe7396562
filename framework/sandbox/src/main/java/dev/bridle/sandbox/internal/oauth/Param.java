package dev.bridle.sandbox.internal.oauth;

import java.util.Objects;

/** One decoded request parameter (query, form body or OAuth header). */
public record Param(String name, String value) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
