package dev.bridle.internal.config;

import dev.bridle.config.Environment;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.store.StoreConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole configuration, validated. {@code config/bridle.yaml} maps onto it, one component per top-level key; so does
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
 * @param throttles the limits on actions, and where their buckets live ({@code throttles:}; each bot's
 *     {@code onThrottle:} is in {@link dev.bridle.internal.throttle.ThrottleSettings#onThrottleByBot})
 * @param duplicates what counts as duplicate content, what is denied, and how many posts are compared
 *     ({@code duplicates:})
 * @param consent how consent is recorded and checked ({@code consent:})
 * @param optOut how opt-outs reach and are answered ({@code optout:})
 * @param inbound polling intervals and the webhook ({@code inbound:})
 * @param termFiles the term files the recognisers read ({@code recognisers:})
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
        List<BotConfig> bots,
        ThrottlesConfig throttles,
        DuplicatesConfig duplicates,
        ConsentSettings consent,
        OptOutSettings optOut,
        InboundConfig inbound,
        TermFiles termFiles) {

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
        Objects.requireNonNull(throttles, "throttles");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(optOut, "optOut");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(termFiles, "termFiles");
        if (throttles.buckets() == ThrottlesConfig.Buckets.DATABASE && !store.isPostgres()) {
            throw new IllegalArgumentException("throttle buckets in the database need a PostgreSQL store, not "
                    + ConfigPrinter.maskUrl(store.url()));
        }
        requireEveryBotOnAConfiguredAccount(accounts, bots);
    }

    /** A configuration that names no term files ({@link TermFiles#none()}). */
    public BridleConfig(
            String source,
            Environment environment,
            AppConfig app,
            boolean dryRun,
            StoreConfig store,
            PlatformConfig platform,
            SchedulerConfig scheduler,
            List<String> modules,
            List<AccountConfig> accounts,
            List<BotConfig> bots,
            ThrottlesConfig throttles,
            DuplicatesConfig duplicates,
            ConsentSettings consent,
            OptOutSettings optOut,
            InboundConfig inbound) {
        this(
                source,
                environment,
                app,
                dryRun,
                store,
                platform,
                scheduler,
                modules,
                accounts,
                bots,
                throttles,
                duplicates,
                consent,
                optOut,
                inbound,
                TermFiles.none());
    }

    /** The configuration file it was read from, or {@code null} when it was built in code alone. */
    public Path file() {
        return source.equals(CodeConfig.SOURCE) ? null : Path.of(source);
    }

    /** The sensitive-category term file in use: named, beside the configuration file, or {@code null} (shipped). */
    public Path sensitiveTermsFile() {
        return termFiles.sensitiveTermsFor(file());
    }

    /** The watch-rule term file in use: named, beside the configuration file, or {@code null} (shipped). */
    public Path watchTermsFile() {
        return termFiles.watchTermsFor(file());
    }

    /** The bots that keep what a person provided them when the person's consent ends ({@code onConsentEnd}). */
    public Set<String> botsKeepingProvided() {
        return bots.stream()
                .filter(b -> b.onConsentEnd() == OnConsentEnd.KEEP_PROVIDED)
                .map(BotConfig::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /*
     * The YAML reader reports this with file and line; a configuration built in code gets here
     * unchecked, and a bot on an unknown account used to fail with a NullPointerException at its
     * first action. So the record refuses it too, naming the bot and the account.
     */
    private static void requireEveryBotOnAConfiguredAccount(List<AccountConfig> accounts, List<BotConfig> bots) {
        for (BotConfig bot : bots) {
            boolean known = accounts.stream().anyMatch(a -> a.handle().equalsIgnoreCase(bot.account()));
            if (!known) {
                throw new IllegalArgumentException("bot " + Quoting.quote(bot.name()) + " acts as account "
                        + Quoting.quote(String.valueOf(bot.account()))
                        + ", which is not configured; configured accounts: "
                        + (accounts.isEmpty()
                                ? "none"
                                : String.join(
                                        ", ",
                                        accounts.stream()
                                                .map(AccountConfig::handle)
                                                .toList())));
            }
        }
    }

    /**
     * A configuration with the default throttles, duplicate policy, consent (the app's name as operator), opt-out and
     * inbound settings.
     */
    public BridleConfig(
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
        this(
                source,
                environment,
                app,
                dryRun,
                store,
                platform,
                scheduler,
                modules,
                accounts,
                bots,
                ThrottlesConfig.defaults(Objects.requireNonNull(store, "store")),
                DuplicatesConfig.defaults(),
                ConsentSettings.defaults(Objects.requireNonNull(app, "app").name()),
                OptOutSettings.defaults(),
                InboundConfig.defaults());
    }

    /** The same configuration acting on {@code platform} with {@code accounts} (their credentials given in code). */
    public BridleConfig withPlatform(PlatformConfig platform, List<AccountConfig> accounts) {
        return new BridleConfig(
                source,
                environment,
                app,
                dryRun,
                store,
                platform,
                scheduler,
                modules,
                accounts,
                bots,
                throttles,
                duplicates,
                consent,
                optOut,
                inbound);
    }

    /** The account with {@code handle}, if configured. */
    public Optional<AccountConfig> account(String handle) {
        return accounts.stream()
                .filter(a -> a.handle().equalsIgnoreCase(handle))
                .findFirst();
    }

    /** The bot named {@code name}, if configured. */
    public Optional<BotConfig> bot(String name) {
        return bots.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
