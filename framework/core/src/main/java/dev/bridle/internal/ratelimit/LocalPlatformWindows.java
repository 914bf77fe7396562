package dev.bridle.internal.ratelimit;

import dev.bridle.internal.ratelimit.PlatformLimits.Reservation;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The platform's rate-limit windows in this process's memory: exact for the requests this node makes, blind to those of
 * other nodes (see {@link PlatformLimits} for what that allows).
 */
final class LocalPlatformWindows implements PlatformWindows {

    private record Window(long limit, long remaining, Instant reset) {}

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public Reservation reserve(String key, Instant now) {
        Reservation[] found = {Reservation.UNKNOWN};
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.reset)) {
                return null; // nothing known, or the window has reset: the next response tells
            }
            if (w.remaining <= 0) {
                found[0] = new Reservation(Reservation.Outcome.USED_UP, w.limit, w.reset);
                return w;
            }
            found[0] = new Reservation(Reservation.Outcome.TAKEN, w.limit, w.reset);
            return new Window(w.limit, w.remaining - 1, w.reset);
        });
        return found[0];
    }

    @Override
    public Optional<PlatformLimits.Window> peek(String key, Instant now) {
        Window w = windows.get(key);
        return w == null || !now.isBefore(w.reset)
                ? Optional.empty()
                : Optional.of(new PlatformLimits.Window(w.limit, w.remaining, w.reset));
    }

    @Override
    public void giveBack(String key, Instant reset) {
        windows.computeIfPresent(
                key,
                (k, w) -> w.reset.equals(reset)
                        ? new Window(
                                w.limit, w.limit >= 0 ? Math.min(w.remaining + 1, w.limit) : w.remaining + 1, w.reset)
                        : w);
    }

    @Override
    public void observe(String key, long limit, long remaining, Instant reset) {
        windows.merge(key, new Window(limit, remaining, reset), (mine, theirs) -> {
            if (mine.reset.equals(theirs.reset)) {
                return new Window(
                        theirs.limit >= 0 ? theirs.limit : mine.limit,
                        Math.min(mine.remaining, theirs.remaining),
                        mine.reset);
            }
            return theirs.reset.isAfter(mine.reset)
                    ? theirs
                    : mine; // a late answer about an older window changes nothing
        });
    }
}
