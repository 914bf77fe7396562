package dev.bridle.internal.throttle;

import dev.bridle.config.Throttles;
import java.time.Duration;
import java.util.Objects;

/**
 * How far deferred actions may pile up (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}): a bot that asks faster than
 * its limits allow must not build a backlog that then drains at every free slot for hours, re-checked and re-logged
 * each time. The {@code throttles.deferred:} block of {@code config/bridle.yaml} maps onto this record.
 *
 * <p>An action deferred while its bot already has {@code maxPerBot} waiting, or its account {@code maxPerAccount}, is
 * not queued: the bot gets the deferral with {@code rescheduled} false, as under {@code onThrottle: drop}. A queued
 * action that would still be waiting {@code maxAge} after the bot asked is dropped with
 * {@link dev.bridle.bot.ReasonCode#DEFERRAL_EXPIRED}. Bridle's own compliance messages (an opt-out's confirmation) are
 * owed to the user and are exempt from all three.
 *
 * @param maxPerBot the most actions one bot may have waiting
 * @param maxPerAccount the most actions waiting for one account, all its bots together
 * @param maxAge the longest an action may wait, counted from when the bot asked
 */
public record DeferralLimits(int maxPerBot, int maxPerAccount, Duration maxAge) {

    /** Twenty per bot: a bot twenty actions ahead of its limits is asking too fast, and more queueing only hides it. */
    public static final int DEFAULT_MAX_PER_BOT = Throttles.DEFAULT_MAX_DEFERRED_PER_BOT;

    /** Fifty per account: about two and a half hours of the default reply limit (20 an hour). */
    public static final int DEFAULT_MAX_PER_ACCOUNT = Throttles.DEFAULT_MAX_DEFERRED_PER_ACCOUNT;

    /**
     * Six hours: a reply or a message six hours late no longer answers anyone, and a post that must go later belongs in
     * the bot's schedule, not in a queue.
     */
    public static final Duration DEFAULT_MAX_AGE = Throttles.DEFAULT_MAX_DEFERRED_AGE;

    public DeferralLimits {
        if (maxPerBot < 1) {
            throw new IllegalArgumentException("maxPerBot must be at least 1, was " + maxPerBot);
        }
        if (maxPerAccount < 1) {
            throw new IllegalArgumentException("maxPerAccount must be at least 1, was " + maxPerAccount);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be longer than zero, was " + maxAge);
        }
    }

    /** {@link #maxAge} as people read it: "6 hours". */
    public String maxAgeInWords() {
        return Spans.describe(maxAge);
    }

    /** The defaults above. */
    public static DeferralLimits defaults() {
        return new DeferralLimits(DEFAULT_MAX_PER_BOT, DEFAULT_MAX_PER_ACCOUNT, DEFAULT_MAX_AGE);
    }
}
