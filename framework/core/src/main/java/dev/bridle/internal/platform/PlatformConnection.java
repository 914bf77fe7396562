package dev.bridle.internal.platform;

import dev.bridle.platform.Platform;
import dev.bridle.sandbox.Sandbox;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform {@link PlatformFactory} chose: X itself, or a local sandbox standing in for it. Closing it stops the
 * sandbox, if there is one.
 */
public final class PlatformConnection implements AutoCloseable {

    private final Platform platform;
    private final Sandbox sandbox;

    PlatformConnection(Platform platform, Sandbox sandbox) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.sandbox = sandbox;
    }

    /** Where actions go. */
    public Platform platform() {
        return platform;
    }

    /** Whether the platform is a local sandbox, not X. */
    public boolean isSandbox() {
        return sandbox != null;
    }

    /** The sandbox (its URLs, accounts, demo audience), when the platform is one. */
    public Optional<Sandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
