package dev.bridle.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/** When a bot's {@code onSchedule} runs: a Quartz cron expression or a fixed interval. */
public sealed interface Schedule {

    /**
     * A Quartz cron expression (seconds first: {@code "0 0 9 * * ?"} is 09:00 every day).
     *
     * @param expression the expression
     * @param zone the time zone it is read in
     */
    record Cron(String expression, ZoneId zone) implements Schedule {
        public Cron {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** Every {@code interval}, from start-up. */
    record Every(Duration interval) implements Schedule {
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
        }
    }
}
