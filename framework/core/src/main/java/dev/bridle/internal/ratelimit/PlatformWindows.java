package dev.bridle.internal.ratelimit;

import dev.bridle.internal.ratelimit.PlatformLimits.Reservation;
import dev.bridle.internal.ratelimit.PlatformLimits.Window;
import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link PlatformLimits} keeps the counts of the platform's rate-limit windows, one per account and kind of
 * action ({@code key}, {@code "acme_news:POST"}), which the plan's step reserves from: in memory for one node
 * ({@link LocalPlatformWindows}), or in PostgreSQL shared by every node ({@link PostgresPlatformWindows}). Each
 * operation is atomic, however many threads or nodes use one window at once.
 *
 * <p>The rules, the same in both: {@link #reserve} takes one of the remaining requests while any remain and the window
 * has not reset; {@link #observe} merges what the platform said (for the same reset the lower count stands, a later
 * reset replaces the window, a late answer about an older window changes nothing); {@link #giveBack} returns one
 * request to the window it was taken from, never above its limit, and not at all once that window has been replaced.
 */
interface PlatformWindows {

    /** Takes one remaining request of {@code key}'s window at {@code now}, if it has one. */
    Reservation reserve(String key, Instant now);

    /** Gives back one request taken from {@code key}'s window that resets at {@code reset}. */
    void giveBack(String key, Instant reset);

    /** {@code key}'s window at {@code now}, less what was reserved from it; empty when nothing is known. */
    Optional<Window> peek(String key, Instant now);

    /** The platform reported {@code remaining} (at least 0) of {@code limit} (-1 if unknown) until {@code reset}. */
    void observe(String key, long limit, long remaining, Instant reset);
}
