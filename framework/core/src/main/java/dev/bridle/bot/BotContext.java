package dev.bridle.bot;

import java.time.Clock;
import org.slf4j.Logger;

/**
 * Everything a bot may use while it handles a trigger: its account, the time, a logger, a small durable state store,
 * what it remembers about people, its aggregates, and the guarded actions that are its only way to reach the platform.
 */
public interface BotContext {

    /** The bot's name in configuration. */
    String botName();

    /** The platform account the bot acts as. */
    Account account();

    /** The clock to read the time from; tests drive it, so read the time only from here, never from the system. */
    Clock clock();

    /** A logger named after the bot. */
    Logger log();

    /** A small key-value store that survives restarts, private to this bot. */
    BotState state();

    /** The only way to act on the platform. */
    GuardedActions actions();

    /** What the bot remembers about people, screened so that nothing in a restricted category is kept. */
    People people();

    /** The bot's links between people and identifiers off the platform, each on a basis checked when it is made. */
    Identities identities();

    /** Counts and distributions without identifiers, for the aggregate analysis the rules allow. */
    Aggregates aggregates();

    /** Guarded reads from the platform, for the bot's declared purposes. */
    Reads reads();
}
