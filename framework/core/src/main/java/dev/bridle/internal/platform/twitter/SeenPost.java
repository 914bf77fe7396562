package dev.bridle.internal.platform.twitter;

import java.time.Instant;

/**
 * One of the account's own posts, as a timeline shows it.
 *
 * @param id the post's id
 * @param text its text ({@code null} for a repost, whose text is the original's)
 * @param createdAt when it was posted, or {@code null} if not given
 * @param inReplyTo the post it replies to, or {@code null}
 * @param repostOf the post it reposts, or {@code null}
 */
record SeenPost(String id, String text, Instant createdAt, String inReplyTo, String repostOf) {}
