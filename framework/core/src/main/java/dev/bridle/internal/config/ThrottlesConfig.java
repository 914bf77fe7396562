package dev.bridle.internal.config;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.throttle.DeferralLimits;
import dev.bridle.internal.throttle.ThrottleSettings;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code throttles:} section: every limit, where the token buckets live, and how far deferred actions may pile up.
 *
 * @param settings the limits, follow rules, spacing and what happens to a throttled action
 * @param buckets where the buckets live; {@link Buckets#DATABASE} needs a PostgreSQL store
 * @param deferred the bounds of the queue of deferred actions
 */
public record ThrottlesConfig(ThrottleSettings settings, Buckets buckets, DeferralLimits deferred) {

    /** Where the token buckets live. */
    public enum Buckets {
        /** In this process: exact for one node, but each node of several would count on its own. */
        MEMORY,
        /** In the PostgreSQL store, shared by every node. */
        DATABASE;

        /**
         * Shared in the database on PostgreSQL, since several nodes may share that store and must share the limits too;
         * in memory on H2, which only one process can open.
         */
        public static Buckets defaultFor(StoreConfig store) {
            return store.isPostgres() ? DATABASE : MEMORY;
        }

        /** As written in configuration. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ThrottlesConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(buckets, "buckets");
        Objects.requireNonNull(deferred, "deferred");
    }

    /** With the default bounds on deferred actions. */
    public ThrottlesConfig(ThrottleSettings settings, Buckets buckets) {
        this(settings, buckets, DeferralLimits.defaults());
    }

    /** The default limits ({@link ThrottleSettings#defaults()}), buckets placed as {@link Buckets#defaultFor} says. */
    public static ThrottlesConfig defaults(StoreConfig store) {
        return new ThrottlesConfig(ThrottleSettings.defaults(), Buckets.defaultFor(store));
    }
}
