package dev.bridle.internal.schedule;

/**
 * Runs one scheduled turn of a bot; the scheduler calls it when the bot's trigger fires.
 *
 * <p>The runtime implements it: it builds the bot, calls its {@code onSchedule} and records the outcome, errors
 * included, in the ledger. The scheduler binds it through Guice, so the injector given to
 * {@link BotScheduler.Builder#injector} must provide one.
 *
 * <p>Runs of one bot never overlap; runs of different bots may run at the same time, up to the configured number of
 * scheduler threads, so implementations must be thread-safe.
 */
public interface BotInvoker {

    /**
     * Runs the bot named {@code botName} once.
     *
     * @throws Exception anything the bot or the recording of its outcome threw; the scheduler logs it and keeps the
     *     bot's schedule as it was (it is not retried early)
     */
    void runScheduled(String botName) throws Exception;
}
