package dev.bridle.bot;

import java.util.Objects;

/**
 * A platform user, named by the platform's immutable numeric id. The handle is for people to read; consent and opt-outs
 * are keyed by the id, because handles change hands.
 *
 * @param id the platform's numeric user id, as a string of digits
 * @param handle the @handle without the {@code @}, or {@code null} if unknown
 */
public record UserRef(String id, String handle) {

    public UserRef {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a user id is a string of digits, not '" + id + "'");
        }
        if (handle != null && handle.startsWith("@")) {
            handle = handle.substring(1);
        }
    }

    /** A user known only by id. */
    public static UserRef ofId(String id) {
        return new UserRef(id, null);
    }

    @Override
    public String toString() {
        return handle == null ? "user " + id : "@" + handle + " (" + id + ")";
    }
}
