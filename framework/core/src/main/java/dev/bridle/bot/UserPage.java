package dev.bridle.bot;

import java.util.List;
import java.util.Objects;

/**
 * One page of users, in the platform's order (for followers: most recent first), and the token that reads the next.
 *
 * @param users the users on this page (possibly none)
 * @param nextToken the platform's token for the next page, or {@code null} on the last page
 */
public record UserPage(List<UserRef> users, String nextToken) {

    public UserPage {
        users = List.copyOf(Objects.requireNonNull(users, "users"));
    }

    /** Whether there is a next page to read with {@link #nextToken()}. */
    public boolean hasNext() {
        return nextToken != null;
    }
}
