package dev.bridle.internal.config;

import dev.bridle.config.Inbound;
import dev.bridle.config.Schedule;
import java.util.Objects;
import java.util.Set;

/**
 * One bot.
 *
 * @param name a unique name; the ledger, logs and state are keyed by it
 * @param className the bot's class, built by Guice
 * @param account the handle of the account it acts as
 * @param schedule when {@code onSchedule} runs, or {@code null} for none
 * @param inbound which inbound messages it handles
 */
public record BotConfig(String name, String className, String account, Schedule schedule, Set<Inbound> inbound) {

    public BotConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(account, "account");
        inbound = Set.copyOf(inbound);
    }
}
