package dev.bridle.bot;

import java.util.Objects;

/**
 * A platform account the operator runs bots as.
 *
 * @param handle the account's @handle, without the {@code @}
 * @param userId the platform's numeric user id, or {@code null} until it has been resolved
 */
public record Account(String handle, String userId) {

    public Account {
        Objects.requireNonNull(handle, "handle");
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
    }

    @Override
    public String toString() {
        return "@" + handle;
    }
}
