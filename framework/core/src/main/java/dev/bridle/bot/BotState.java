package dev.bridle.bot;

import java.util.Optional;

/**
 * A small durable key-value store private to one bot: a cursor, the last thing posted, a counter. Not a database: keys
 * are at most 200 characters and values at most 4,000. Not a place for people either: a key holding a handle or a user
 * id is refused, because what a bot keeps about a person goes in {@link People}, where it is screened for sensitive
 * categories and forgotten when the person opts out.
 */
public interface BotState {

    /** The value stored under {@code key}, if any. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}, replacing any earlier value; durable on return. */
    void put(String key, String value);

    /** Removes {@code key}; does nothing if it is absent. */
    void remove(String key);
}
