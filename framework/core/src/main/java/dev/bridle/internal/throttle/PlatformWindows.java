package dev.bridle.internal.throttle;

import java.time.Instant;

/**
 * Where {@link PlatformRateGuard} keeps the platform's rate-limit windows, one per account and kind of action
 * ({@code key}): in memory for one node ({@link LocalPlatformWindows}), or in PostgreSQL shared by every node
 * ({@link PostgresPlatformWindows}). Each operation is atomic, however many threads or nodes use one window at once.
 *
 * <p>The rules, the same in both: {@link #reserve} takes one of the remaining requests while any remain and the window
 * has not reset; {@link #observe} merges what the platform said (for the same reset the lower count stands, a later
 * reset replaces the window, a late answer about an older window changes nothing); {@link #giveBack} returns one
 * request to the window it was taken from, never above its limit, and not at all once that window has been replaced.
 */
interface PlatformWindows {

    /** What {@link #reserve} found. */
    enum Outcome {
        /** Nothing is known (never reported, or the window has reset): the action may go, and nothing was taken. */
        UNKNOWN,
        /** One of the remaining requests was taken for the action. */
        TAKEN,
        /** None remain until {@code reset}. */
        USED_UP
    }

    /**
     * The answer to {@link #reserve}.
     *
     * @param outcome what was found
     * @param limit the window's limit, -1 when the platform did not say (or nothing is known)
     * @param reset the window's reset; {@code null} when nothing is known
     */
    record Reservation(Outcome outcome, long limit, Instant reset) {

        static final Reservation UNKNOWN = new Reservation(Outcome.UNKNOWN, -1, null);
    }

    /** Takes one remaining request of {@code key}'s window at {@code now}, if it has one. */
    Reservation reserve(String key, Instant now);

    /** Gives back one request taken from {@code key}'s window that resets at {@code reset}. */
    void giveBack(String key, Instant reset);

    /** The platform reported {@code remaining} (at least 0) of {@code limit} (-1 if unknown) until {@code reset}. */
    void observe(String key, long limit, long remaining, Instant reset);
}
