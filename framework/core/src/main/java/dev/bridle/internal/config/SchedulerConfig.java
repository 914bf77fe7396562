package dev.bridle.internal.config;

/**
 * Scheduler settings.
 *
 * @param threads how many bot handlers may run at once
 */
public record SchedulerConfig(int threads) {

    /** Enough for a handful of bots; each handler mostly waits on the platform. */
    public static final int DEFAULT_THREADS = 4;

    public SchedulerConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}
