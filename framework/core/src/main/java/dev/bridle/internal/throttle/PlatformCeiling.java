package dev.bridle.internal.throttle;

import dev.bridle.guard.ActionKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A limit the platform publishes for one account. {@link ThrottleSettings} refuses limits that could reach one of these
 * even in their worst case ({@link Limit#mostWithin}): the platform's ceilings are a technical maximum, and accounts
 * that approach them get locked.
 *
 * @param what the actions it counts, for messages
 * @param kinds the action kinds counted together
 * @param limit the ceiling
 * @param source where it is published
 */
public record PlatformCeiling(String what, Set<ActionKind> kinds, Limit limit, String source) {

    /** The account ceilings X publishes (see the project's reference notes, "Twitter limits" and rate limits). */
    public static final List<PlatformCeiling> PUBLISHED = List.of(
            new PlatformCeiling(
                    "posts, replies and reposts",
                    Set.of(ActionKind.POST, ActionKind.REPLY, ActionKind.REPOST),
                    Limit.of(2_400, Duration.ofDays(1)),
                    "X Help, Twitter limits: 2,400 posts a day, reposts included"),
            new PlatformCeiling(
                    "posts, replies and reposts",
                    Set.of(ActionKind.POST, ActionKind.REPLY, ActionKind.REPOST),
                    Limit.of(300, Duration.ofHours(3)),
                    "X API v1.1 rate limits: 300 posts or reposts per 3 hours per user"),
            new PlatformCeiling(
                    "follows",
                    Set.of(ActionKind.FOLLOW),
                    Limit.of(400, Duration.ofDays(1)),
                    "X Help, Twitter limits: 400 follows a day"),
            new PlatformCeiling(
                    "direct messages",
                    Set.of(ActionKind.DIRECT_MESSAGE),
                    Limit.of(500, Duration.ofDays(1)),
                    "X Help, Twitter limits: 500 direct messages a day"),
            new PlatformCeiling(
                    "likes",
                    Set.of(ActionKind.LIKE),
                    Limit.of(1_000, Duration.ofDays(1)),
                    "X API v1.1 rate limits: POST favorites/create 1,000 per 24 hours per user"));

    public PlatformCeiling {
        Objects.requireNonNull(what, "what");
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(source, "source");
    }
}
