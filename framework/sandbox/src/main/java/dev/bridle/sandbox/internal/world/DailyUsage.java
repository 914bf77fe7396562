package dev.bridle.sandbox.internal.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Counts an account's posts, follows and DMs over a rolling 24 hours, for the daily account limits. */
public final class DailyUsage {
    /** What is counted. */
    public enum Kind {
        POST,
        FOLLOW,
        DM
    }

    private static final Duration DAY = Duration.ofHours(24);
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    /** How many of {@code kind} the user did in the 24 hours before {@code now}. */
    public synchronized int count(String userId, Kind kind, Instant now) {
        Deque<Instant> q = events.get(userId + "|" + kind);
        if (q == null) {
            return 0;
        }
        Instant cutoff = now.minus(DAY);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.pollFirst();
        }
        return q.size();
    }

    public synchronized void record(String userId, Kind kind, Instant at) {
        events.computeIfAbsent(userId + "|" + kind, k -> new ArrayDeque<>()).addLast(at);
    }

    public synchronized void clear() {
        events.clear();
    }
}
