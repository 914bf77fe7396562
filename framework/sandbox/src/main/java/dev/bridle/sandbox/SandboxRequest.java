package dev.bridle.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One API request the sandbox received, as it answered it: what a test counts to assert a client sent exactly what it
 * should have.
 *
 * @param at when, by the sandbox clock
 * @param method the HTTP method
 * @param path the request path
 * @param endpoint the matched endpoint id ({@code "METHOD /template"}), or {@code null} for an unknown path
 * @param account the authenticated account's handle, or {@code null} when authentication failed
 * @param status the HTTP status answered, or -1 when the connection was dropped
 */
public record SandboxRequest(Instant at, String method, String path, String endpoint, String account, int status) {

    public SandboxRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** Whether the sandbox closed the connection instead of answering. */
    public boolean dropped() {
        return status == -1;
    }
}
