package dev.bridle.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One follow or unfollow action, in the order they happened.
 *
 * @param sourceId who followed (or unfollowed)
 * @param sourceHandle their handle
 * @param targetId whom
 * @param targetHandle their handle
 * @param at when, by the sandbox clock
 * @param follow {@code true} for a follow, {@code false} for an unfollow
 */
public record SandboxFollow(
        String sourceId, String sourceHandle, String targetId, String targetHandle, Instant at, boolean follow) {

    public SandboxFollow {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(at, "at");
    }
}
