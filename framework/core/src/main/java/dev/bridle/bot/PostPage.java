package dev.bridle.bot;

import java.util.List;
import java.util.Objects;

/**
 * One page of posts, newest first, and the token that reads the next page.
 *
 * @param posts the posts on this page, newest first (possibly none)
 * @param nextToken the platform's token for the next page, or {@code null} on the last page
 */
public record PostPage(List<Post> posts, String nextToken) {

    public PostPage {
        posts = List.copyOf(Objects.requireNonNull(posts, "posts"));
    }

    /** Whether there is a next page to read with {@link #nextToken()}. */
    public boolean hasNext() {
        return nextToken != null;
    }
}
