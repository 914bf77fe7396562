package dev.bridle.internal.store;

import java.util.Optional;

/** Durable per-bot key-value state behind {@link dev.bridle.bot.BotState}. */
public interface BotStateStore {

    Optional<String> get(String bot, String key);

    void put(String bot, String key, String value);

    void remove(String bot, String key);
}
