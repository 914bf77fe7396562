package dev.bridle.sandbox.internal.limits;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed windows per account and endpoint: a window opens with the first request and resets when its time is up; the
 * reset time is what {@code x-rate-limit-reset} reports.
 */
public final class RateWindows {
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        Instant start;
        int used;
    }

    /**
     * The state after counting one request; when the window is already used up the request is not counted and
     * {@link RateStatus#exceeded()} is true.
     */
    public synchronized RateStatus consume(String userId, RateLimit limit, Instant now) {
        Window w = current(userId, limit, now);
        if (w.used >= limit.limit()) {
            return status(limit, w, true);
        }
        w.used++;
        return status(limit, w, false);
    }

    /** The state without counting a request (for answers to unauthenticated requests). */
    public synchronized RateStatus peek(String key, RateLimit limit, Instant now) {
        Window w = windows.get(key + "|" + limit.endpointId());
        if (w == null || !now.isBefore(w.start.plus(limit.window()))) {
            Window fresh = new Window();
            fresh.start = now;
            return status(limit, fresh, false);
        }
        return status(limit, w, false);
    }

    /** Uses up the rest of the window (a 429 fault says remaining 0, and the next request agrees). */
    public synchronized RateStatus exhaust(String userId, RateLimit limit, Instant now) {
        Window w = current(userId, limit, now);
        w.used = limit.limit();
        return status(limit, w, true);
    }

    public synchronized void clear() {
        windows.clear();
    }

    private Window current(String userId, RateLimit limit, Instant now) {
        Window w = windows.computeIfAbsent(userId + "|" + limit.endpointId(), k -> new Window());
        if (w.start == null || !now.isBefore(w.start.plus(limit.window()))) {
            w.start = now;
            w.used = 0;
        }
        return w;
    }

    private static RateStatus status(RateLimit limit, Window w, boolean exceeded) {
        return new RateStatus(
                limit.limit(),
                Math.max(0, limit.limit() - w.used),
                w.start.plus(limit.window()).getEpochSecond(),
                exceeded);
    }

    /**
     * What the rate-limit headers say.
     *
     * @param limit {@code x-rate-limit-limit}
     * @param remaining {@code x-rate-limit-remaining}
     * @param reset {@code x-rate-limit-reset}, epoch seconds
     * @param exceeded whether this request was over the limit
     */
    public record RateStatus(int limit, int remaining, long reset, boolean exceeded) {}
}
