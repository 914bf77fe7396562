package dev.bridle.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration, validated. {@code config/bridle.yaml} maps onto it; so does
 * {@code Bridle.builder()} for runtimes built in code.
 *
 * @param source where it was read from, for messages ({@code <code>} when built in code)
 * @param environment which environment this runtime is
 * @param app the platform app: its name (which must say its environment) and declared purpose
 * @param dryRun record every decision but send nothing
 * @param store the database
 * @param platform the platform API
 * @param scheduler scheduler settings
 * @param modules Guice modules (class names) that provide the bots' own services
 * @param accounts the accounts bots act as
 * @param bots the bots
 */
public record BridleConfig(
        String source,
        Environment environment,
        AppConfig app,
        boolean dryRun,
        StoreConfig store,
        PlatformConfig platform,
        SchedulerConfig scheduler,
        List<String> modules,
        List<AccountConfig> accounts,
        List<BotConfig> bots) {

    public BridleConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(scheduler, "scheduler");
        modules = List.copyOf(modules);
        accounts = List.copyOf(accounts);
        bots = List.copyOf(bots);
    }

    /** The account with {@code handle}, if configured. */
    public Optional<AccountConfig> account(String handle) {
        return accounts.stream().filter(a -> a.handle().equalsIgnoreCase(handle)).findFirst();
    }

    /** The bot named {@code name}, if configured. */
    public Optional<BotConfig> bot(String name) {
        return bots.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
