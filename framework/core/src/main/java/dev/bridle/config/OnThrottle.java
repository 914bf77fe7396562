package dev.bridle.config;

/**
 * What the runtime does with an action a throttle deferred ({@link dev.bridle.guard.Verdict.Defer}), chosen per bot.
 */
public enum OnThrottle {

    /**
     * Schedule the action for the earliest allowed time (a Quartz trigger). When the trigger fires, the action goes
     * through the whole guard chain again, so an opt-out or a consent withdrawal that arrived meanwhile still stops it,
     * and a throttle may defer it once more.
     */
    DEFER,

    /** Drop the action: the bot gets the deferral as its result and nothing is scheduled. */
    DROP
}
