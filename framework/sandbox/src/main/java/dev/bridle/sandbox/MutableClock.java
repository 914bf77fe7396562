package dev.bridle.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock tests move by hand, so that time-dependent behaviour is tested without waiting: the one settable clock of the
 * tree, shared by the sandbox (which plays X's time), Bridle's own tests and the test kit ({@code TestBridle#clock()}).
 * Thread-safe; every copy made with {@link #withZone} shares the same instant.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-11-28T09:00:00Z");
 * clock.advance(Duration.ofHours(1));
 * }</pre>
 */
public final class MutableClock extends Clock {

    private final Holder holder;
    private final ZoneId zone;

    private MutableClock(Holder holder, ZoneId zone) {
        this.holder = holder;
        this.zone = zone;
    }

    /** A clock in UTC stopped at {@code instant}. */
    public static MutableClock at(Instant instant) {
        return new MutableClock(new Holder(instant), ZoneOffset.UTC);
    }

    /** A clock in UTC stopped at an ISO-8601 instant such as {@code 2026-11-28T09:00:00Z}. */
    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public MutableClock advance(Duration by) {
        synchronized (holder) {
            holder.instant = holder.instant.plus(by);
        }
        return this;
    }

    /** Sets the clock to {@code instant}. */
    public MutableClock set(Instant instant) {
        synchronized (holder) {
            holder.instant = Objects.requireNonNull(instant, "instant");
        }
        return this;
    }

    @Override
    public Instant instant() {
        synchronized (holder) {
            return holder.instant;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(holder, zone);
    }

    private static final class Holder {
        Instant instant;

        Holder(Instant instant) {
            this.instant = Objects.requireNonNull(instant, "instant");
        }
    }
}
