package dev.bridle.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A like (favorite) of a post.
 *
 * @param userId who liked
 * @param handle their handle
 * @param postId the liked post
 * @param at when, by the sandbox clock
 */
public record SandboxLike(String userId, String handle, String postId, Instant at) {

    public SandboxLike {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(at, "at");
    }
}
