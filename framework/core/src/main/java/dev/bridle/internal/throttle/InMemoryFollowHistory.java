package dev.bridle.internal.throttle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link FollowHistory} in memory: forgotten at exit, so for tests and throwaway runs only. */
public final class InMemoryFollowHistory implements FollowHistory {

    private final ConcurrentMap<String, Latest> latest = new ConcurrentHashMap<>();

    @Override
    public Latest latest(String account, String userId) {
        return latest.getOrDefault(key(account, userId), Latest.NONE);
    }

    @Override
    public void recordFollow(String account, String userId, Instant at) {
        Instant t = at.truncatedTo(ChronoUnit.MILLIS);
        latest.merge(
                key(account, userId),
                new Latest(t, null),
                (old, x) -> new Latest(later(old.followed(), t), old.unfollowed()));
    }

    @Override
    public void recordUnfollow(String account, String userId, Instant at) {
        Instant t = at.truncatedTo(ChronoUnit.MILLIS);
        latest.merge(
                key(account, userId),
                new Latest(null, t),
                (old, x) -> new Latest(old.followed(), later(old.unfollowed(), t)));
    }

    static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static String key(String account, String userId) {
        return ThrottleSettings.handleKey(account) + "/" + userId;
    }
}
