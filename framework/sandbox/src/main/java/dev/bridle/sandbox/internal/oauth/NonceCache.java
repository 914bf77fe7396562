package dev.bridle.sandbox.internal.oauth;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Nonces seen within the timestamp window, so a replayed request is refused (RFC 5849 §3.3). A request whose connection
 * the sandbox dropped on purpose is remembered as such: the JDK's {@code HttpURLConnection} silently re-sends a request
 * once when the connection fails before the status line (its {@code sun.net.http.retryPost} default), with the same
 * Authorization header, and that re-send must see the same dropped connection, not a replay error.
 */
final class NonceCache {
    private final Map<String, Entry> seen = new HashMap<>();

    private record Entry(long timestamp, boolean dropped) {}

    /** What happened to an earlier request with the same nonce, if any. */
    enum Seen {
        NEW,
        REPLAY,
        DROPPED
    }

    /**
     * Records {@code key} if it is new, and says what it was, in one step: of several requests with the same nonce
     * checked at once, exactly one is {@link Seen#NEW}.
     */
    synchronized Seen record(String key, long timestamp) {
        Entry e = seen.putIfAbsent(key, new Entry(timestamp, false));
        if (e == null) {
            return Seen.NEW;
        }
        return e.dropped ? Seen.DROPPED : Seen.REPLAY;
    }

    synchronized void markDropped(String key) {
        Entry e = seen.get(key);
        if (e != null) {
            seen.put(key, new Entry(e.timestamp, true));
        }
    }

    /** Forgets nonces whose timestamp is older than {@code oldestTimestamp}: a replay of them fails on time. */
    synchronized void expire(long oldestTimestamp) {
        for (Iterator<Entry> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().timestamp < oldestTimestamp) {
                it.remove();
            }
        }
    }

    synchronized void clear() {
        seen.clear();
    }
}
