package dev.bridle.internal.people;

import java.time.Instant;

/**
 * One fact a bot holds about a person, as {@code bridle people show} lists it.
 *
 * @param bot the bot that holds it
 * @param userId the person's platform id
 * @param key what the fact is
 * @param value the fact
 * @param sourcePost the post or message it was learnt from, or {@code null}
 * @param provided whether the person gave it themselves: {@code sourcePost} is a message Bridle received from them on
 *     the bot's account
 * @param updatedAt when it was last written
 */
public record StoredFact(
        String bot, String userId, String key, String value, String sourcePost, boolean provided, Instant updatedAt) {}
