package dev.bridle.bot;

import java.util.Objects;

/**
 * A post on the platform.
 *
 * @param id the platform's post id
 * @param author who wrote it, or {@code null} if unknown; liking or reposting it is an action towards its author, so an
 *     opt-out by the author stops it
 */
public record PostRef(String id, UserRef author) {

    public PostRef {
        Objects.requireNonNull(id, "id");
    }
}
