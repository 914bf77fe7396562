package dev.bridle;

import java.time.Instant;
import java.util.Objects;

/**
 * One fact a bot holds about a person, as an access request shows it.
 *
 * @param bot the bot that holds it
 * @param userId the person's platform id
 * @param key what the fact is
 * @param value the fact
 * @param source the post or message it was learnt from, or {@code null}
 * @param provided whether the person gave it themselves, in {@code source} (a message the bot's account received from
 *     them): a bot with {@code onConsentEnd: keep-provided} keeps such facts when the person's consent ends
 * @param updatedAt when it was last written
 */
public record HeldFact(
        String bot, String userId, String key, String value, String source, boolean provided, Instant updatedAt) {

    public HeldFact {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
