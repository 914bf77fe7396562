package dev.bridle.platform;

import dev.bridle.bot.Account;
import dev.bridle.guard.ActionKind;
import java.time.Instant;

/**
 * The platform's port for what it says about its rate limits: the adapter reports through it, so that no request is
 * made that the platform would refuse. It is the platform's own port, so the adapter depends on no rule package. The
 * platform adapter calls it after every response that carries the {@code x-rate-limit-limit},
 * {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} headers, and on every 429 (code 88) or daily-limit
 * refusal (185, 161). An endpoint that serves several kinds of action (one endpoint for posts and replies) is reported
 * once per kind; a read (mentions, direct messages, lookups) is reported by its endpoint. The runtime keeps what it is
 * told in one place, which the plan reads before each action and the built-in adapter before each request; a
 * {@link Platform} written for tests may call it too.
 */
public interface RateLimitFeedback {

    /**
     * The platform's limit for {@code account}'s {@code kind} actions: {@code remaining} of {@code limit} requests are
     * left until {@code reset} (the {@code x-rate-limit-reset} epoch second). {@code limit} is -1 when not known.
     */
    void observed(Account account, ActionKind kind, long limit, long remaining, Instant reset);

    /** The platform refused a request as over its limit (429): nothing more until {@code reset}. */
    default void exhausted(Account account, ActionKind kind, Instant reset) {
        observed(account, kind, -1, 0, reset);
    }

    /**
     * The platform refused {@code account}'s {@code kind} actions for the day ({@code errorCode} 185 posts, 161
     * follows, ...): nothing more until {@code until}.
     */
    default void dailyLimitReached(Account account, ActionKind kind, Instant until, int errorCode) {
        exhausted(account, kind, until);
    }

    /**
     * The platform's limit for {@code account}'s reads at {@code endpoint} (as {@code "GET /2/users/:id/mentions"}):
     * {@code remaining} of {@code limit} left until {@code reset}; a 429 is reported as none remaining.
     */
    default void observedRead(Account account, String endpoint, long limit, long remaining, Instant reset) {}
}
