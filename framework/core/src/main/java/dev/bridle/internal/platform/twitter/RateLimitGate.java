package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the adapter from calling an endpoint the platform has closed for an account: after a 429 (or a response saying
 * no requests remain) until {@code x-rate-limit-reset}, after a daily limit until its window ends. A call made
 * meanwhile fails at once, with no request, so the platform never sees a request it has already said it will refuse.
 * Reads are gated too (polling after a 429 waits for the reset like anything else).
 */
final class RateLimitGate {

    private record Key(String handle, Endpoint endpoint) {}

    private record Block(PlatformException.Kind kind, Instant until, int errorCode) {}

    private final Clock clock;
    private final Map<Key, Block> blocks = new ConcurrentHashMap<>();

    RateLimitGate(Clock clock) {
        this.clock = clock;
    }

    /** Throws, without any request being made, if {@code endpoint} is closed for {@code handle} now. */
    void check(String handle, Endpoint endpoint) throws PlatformException {
        Key key = key(handle, endpoint);
        Block block = blocks.get(key);
        if (block == null) {
            return;
        }
        if (!clock.instant().isBefore(block.until())) {
            blocks.remove(key, block);
            return;
        }
        String what = block.kind() == PlatformException.Kind.DAILY_LIMIT ? "daily limit" : "rate limit";
        throw new PlatformException(
                block.kind(),
                endpoint + ": the platform's " + what + " for @" + key.handle() + " is used up until " + block.until()
                        + "; no request was made",
                -1,
                block.errorCode(),
                block.until(),
                null);
    }

    /** Closes {@code endpoint} for {@code handle} until {@code until} (a later block wins). */
    void close(String handle, Endpoint endpoint, PlatformException.Kind kind, Instant until, int errorCode) {
        if (until == null || !until.isAfter(clock.instant())) {
            return;
        }
        blocks.merge(
                key(handle, endpoint),
                new Block(kind, until, errorCode),
                (old, now) -> old.until().isAfter(now.until()) ? old : now);
    }

    /** What a response's headers said: none remaining means closed until the reset. */
    void observed(String handle, Endpoint endpoint, long remaining, Instant reset) {
        if (remaining <= 0) {
            close(handle, endpoint, PlatformException.Kind.RATE_LIMITED, reset, 88);
        }
    }

    private static Key key(String handle, Endpoint endpoint) {
        return new Key(handle.toLowerCase(Locale.ROOT), endpoint);
    }
}
