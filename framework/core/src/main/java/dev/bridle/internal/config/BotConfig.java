package dev.bridle.internal.config;

import dev.bridle.config.Inbound;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.config.Purpose;
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
 * @param purposes what it is for; empty to take the app's
 * @param onConsentEnd what its facts about a person become when the person opts out or withdraws consent
 */
public record BotConfig(
        String name,
        String className,
        String account,
        Schedule schedule,
        Set<Inbound> inbound,
        Set<Purpose> purposes,
        OnConsentEnd onConsentEnd) {

    public BotConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(account, "account");
        inbound = Set.copyOf(inbound);
        purposes = Set.copyOf(purposes);
        Objects.requireNonNull(onConsentEnd, "onConsentEnd");
    }

    /** A bot that forgets a person's facts when their consent ends. */
    public BotConfig(
            String name,
            String className,
            String account,
            Schedule schedule,
            Set<Inbound> inbound,
            Set<Purpose> purposes) {
        this(name, className, account, schedule, inbound, purposes, OnConsentEnd.FORGET);
    }

    /** A bot that takes the app's purposes. */
    public BotConfig(String name, String className, String account, Schedule schedule, Set<Inbound> inbound) {
        this(name, className, account, schedule, inbound, Set.of());
    }

    /** What this bot is for: its own purposes if it declares any, else the app's. */
    public Set<Purpose> purposesUnder(AppConfig app) {
        return purposes.isEmpty() ? app.purposes() : purposes;
    }
}
