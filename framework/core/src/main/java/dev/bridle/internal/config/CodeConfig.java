package dev.bridle.internal.config;

import dev.bridle.bot.Bot;
import dev.bridle.config.ConsentPolicy;
import dev.bridle.config.Duplicates;
import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.config.InboundSettings;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.config.OptOutPolicy;
import dev.bridle.config.Purpose;
import dev.bridle.config.Schedule;
import dev.bridle.config.Throttles;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.yaml.YamlProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Puts a configuration together and checks it, for {@code Bridle.builder()}: from the sections given in code, on top of
 * a configuration file's when one was given (the file read and checked first, with its lines, by {@link ConfigLoader}).
 * The checks are the rules the YAML readers apply, with the same messages: an app name that says its environment
 * ({@link AppNameRule}), valid and unique handles and bot names, bots on configured accounts, bot classes Guice can
 * build ({@link ClassChecker}), no bot that could never run, per-account and per-bot settings that name configured
 * accounts and bots, a usable keyword file, and the sections' own limits (the platform's ceilings, its read limits).
 * Every problem is collected before it gives up, as the file reader does; each names the section and item it is about.
 */
public final class CodeConfig {

    /** The source a configuration built in code names in messages. */
    public static final String SOURCE = "<code>";

    /**
     * One bot as the builder was given it: by class (built by Guice) or as an instance ({@code className} its class).
     */
    public record BotSpec(
            String name,
            String account,
            String className,
            boolean instance,
            Schedule schedule,
            Set<Inbound> inbound,
            Set<Purpose> purposes,
            OnConsentEnd onConsentEnd) {
        public BotSpec {
            inbound = Set.copyOf(inbound);
            purposes = Set.copyOf(purposes);
            Objects.requireNonNull(onConsentEnd, "onConsentEnd");
        }

        /** A bot given in code, which takes the app's purposes. */
        public BotSpec(
                String name,
                String account,
                String className,
                boolean instance,
                Schedule schedule,
                Set<Inbound> inbound) {
            this(name, account, className, instance, schedule, inbound, Set.of(), OnConsentEnd.FORGET);
        }

        static BotSpec of(BotConfig bot) {
            return new BotSpec(
                    bot.name(),
                    bot.account(),
                    bot.className(),
                    false,
                    bot.schedule(),
                    bot.inbound(),
                    bot.purposes(),
                    bot.onConsentEnd());
        }

        BotSpec with(OnConsentEnd mode) {
            return new BotSpec(name, account, className, instance, schedule, inbound, purposes, mode);
        }
    }

    /**
     * Everything the builder was given; {@code null} where nothing was, so the file's section or the default holds.
     *
     * @param file the configuration file's, already checked; or {@code null}
     * @param dryRun whether dry run was asked for in code (the file may ask for it too)
     * @param accounts the accounts given in code, after the file's
     * @param bots the bots given in code, after the file's
     * @param onConsentEnd per bot name (given in code or in the file), what its facts become when consent ends, in
     *     place of the bot's own setting
     * @param termFiles the term files given in code, each in place of the file's; a {@code null} file is the file's
     */
    public record Given(
            BridleConfig file,
            String appName,
            String purpose,
            Set<Purpose> purposes,
            Environment environment,
            boolean dryRun,
            StoreConfig store,
            SchedulerConfig scheduler,
            List<AccountConfig> accounts,
            List<BotSpec> bots,
            Throttles throttles,
            Duplicates duplicates,
            ConsentPolicy consent,
            OptOutPolicy optOut,
            InboundSettings inbound,
            Map<String, OnConsentEnd> onConsentEnd,
            TermFiles termFiles) {
        public Given {
            accounts = List.copyOf(accounts);
            bots = List.copyOf(bots);
            onConsentEnd = Map.copyOf(onConsentEnd);
        }
    }

    private final String source;
    private final List<YamlProblem> problems = new ArrayList<>();

    private CodeConfig(String source) {
        this.source = source;
    }

    /**
     * The configuration {@code given} makes: the file's, with what was given in code in place of (sections, app, store)
     * or after (accounts, bots) the file's; what neither gives at its default.
     *
     * @throws ConfigException listing every problem, if there is any
     */
    public static BridleConfig build(Given given, ClassLoader classLoader) {
        BridleConfig file = given.file();
        CodeConfig check = new CodeConfig(file == null ? SOURCE : file.source());
        String appName = given.appName() != null
                ? given.appName()
                : file == null ? null : file.app().name();
        String purpose = given.purpose() != null
                ? given.purpose()
                : file == null ? null : file.app().purpose();
        Environment env = given.environment() == null && given.appName() == null && file != null
                ? file.environment()
                : check.environment(appName, given.environment());
        Set<Purpose> purposes = given.purposes() != null
                ? given.purposes()
                : file == null ? Set.of() : file.app().purposes();
        AppConfig app = check.app(appName, purpose, purposes, env);
        StoreConfig store = given.store() != null
                ? given.store()
                : file == null ? new StoreConfig(StoreConfig.DEFAULT_URL, null, null) : file.store();
        SchedulerConfig scheduler = given.scheduler() != null
                ? given.scheduler()
                : file == null ? new SchedulerConfig(SchedulerConfig.DEFAULT_THREADS) : file.scheduler();
        List<AccountConfig> accounts = new ArrayList<>(file == null ? List.of() : file.accounts());
        accounts.addAll(given.accounts());
        List<BotSpec> bots = new ArrayList<>(
                file == null ? List.of() : file.bots().stream().map(BotSpec::of).toList());
        bots.addAll(given.bots());
        bots = check.onConsentEnd(bots, given.onConsentEnd());
        check.accounts(accounts);
        check.bots(bots, accounts, new ClassChecker(classLoader));

        ThrottlesConfig throttles = given.throttles() == null
                ? file == null ? ThrottlesConfig.defaults(store) : file.throttles()
                : check.throttles(given.throttles(), store, accounts, bots);
        DuplicatesConfig duplicates = given.duplicates() == null
                ? file == null ? DuplicatesConfig.defaults() : file.duplicates()
                : check.section("duplicates", () -> CodeSections.duplicates(given.duplicates()));
        ConsentSettings consent = given.consent() == null
                ? file == null || given.appName() != null ? defaultConsent(appName) : file.consent()
                : check.section("consent", () -> CodeSections.consent(given.consent(), appName));
        OptOutSettings optOut = given.optOut() == null
                ? file == null ? OptOutSettings.defaults() : file.optOut()
                : check.optOut(given.optOut(), accounts);
        InboundConfig inbound = given.inbound() == null
                ? file == null ? InboundConfig.defaults() : file.inbound()
                : check.inbound(given.inbound(), accounts);
        TermFiles termFiles = check.termFiles(given.termFiles(), file == null ? TermFiles.none() : file.termFiles());
        if (!check.problems.isEmpty()) {
            throw new ConfigException(check.source, check.problems);
        }
        List<BotConfig> botConfigs = bots.stream()
                .map(b -> new BotConfig(
                        b.name(),
                        b.className(),
                        b.account(),
                        b.schedule(),
                        b.inbound(),
                        b.purposes(),
                        b.onConsentEnd()))
                .toList();
        try {
            return new BridleConfig(
                    check.source,
                    env,
                    app,
                    given.dryRun() || file != null && file.dryRun(),
                    store,
                    file == null ? new PlatformConfig(PlatformConfig.ApiVersion.V2, null) : file.platform(),
                    scheduler,
                    file == null ? List.of() : file.modules(),
                    accounts,
                    botConfigs,
                    throttles,
                    duplicates,
                    consent,
                    optOut,
                    inbound,
                    termFiles);
        } catch (IllegalArgumentException e) {
            check.problem("", e.getMessage());
            throw new ConfigException(check.source, check.problems);
        }
    }

    /** The file's term files with those given in code in their place, each checked to be a usable term file. */
    private TermFiles termFiles(TermFiles given, TermFiles file) {
        if (given == null) {
            return file;
        }
        Path sensitive = given.sensitiveTerms() == null
                ? file.sensitiveTerms()
                : termFile("recognisers.sensitiveTerms", given.sensitiveTerms(), SensitiveTermsReader::load);
        Path watch = given.watchTerms() == null
                ? file.watchTerms()
                : termFile("recognisers.watchTerms", given.watchTerms(), WatchTermsReader::load);
        return new TermFiles(sensitive, watch);
    }

    private Path termFile(String path, Path termFile, Consumer<Path> load) {
        Path absolute = termFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            problem(path, "there is no file " + absolute);
            return null;
        }
        try {
            load.accept(absolute);
        } catch (TermFileException e) {
            problem(
                    path,
                    absolute + " is not a usable term file: " + e.problems().get(0));
        }
        return absolute;
    }

    /** {@code bots} with the modes given by name in place of their own; a name that is no bot's is a problem. */
    private List<BotSpec> onConsentEnd(List<BotSpec> bots, Map<String, OnConsentEnd> modes) {
        for (String name : new TreeSet<>(modes.keySet())) {
            if (bots.stream().noneMatch(b -> b.name().equals(name))) {
                problem(
                        "onConsentEnd",
                        "names bot '" + name + "', which is not configured; the bots are "
                                + bots.stream().map(BotSpec::name).toList());
            }
        }
        return bots.stream()
                .map(b -> modes.containsKey(b.name()) ? b.with(modes.get(b.name())) : b)
                .toList();
    }

    private static ConsentSettings defaultConsent(String appName) {
        return ConsentSettings.defaults(appName == null ? "operator" : appName);
    }

    private void problem(String path, String message) {
        problems.add(new YamlProblem(source, 0, 0, path, message));
    }

    /** The section {@code convert} makes, or {@code null} after reporting why it cannot be made. */
    private <T> T section(String path, Supplier<T> convert) {
        try {
            return convert.get();
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    private Environment environment(String appName, Environment given) {
        if (given != null) {
            return given;
        }
        if (appName == null) {
            return Environment.DEV;
        }
        Optional<Environment> declared = Environment.declaredBy(appName);
        if (declared.isEmpty()) {
            problem(
                    "app.name",
                    Quoting.quote(appName) + " does not say which environment it is for, and none was given;"
                            + " expected a name with a dev, staging or prod label, like "
                            + Quoting.quote(appName + "-dev") + ", or environment(...)");
            return null;
        }
        return declared.get();
    }

    private AppConfig app(String name, String purpose, Set<Purpose> purposes, Environment environment) {
        if (name == null || name.isBlank()) {
            problem(
                    "app.name",
                    "is missing; expected the app's name, which says its environment, like \"acme-bots-dev\"");
            return null;
        }
        if (purpose == null || purpose.isBlank()) {
            problem("app.purpose", "is missing; expected what the app does, as declared to the platform");
            return null;
        }
        if (environment == null) {
            return null; // already reported: the name declares none
        }
        Optional<String> wrong = AppNameRule.check(name, environment);
        if (wrong.isPresent()) {
            problem("app.name", wrong.get());
            return null;
        }
        boolean allowed = true;
        for (Purpose p : purposes) {
            if (p.prohibited()) {
                problem("app.purposes", PurposesReader.prohibited(p));
                allowed = false;
            }
        }
        return allowed ? new AppConfig(name, purpose, purposes) : null;
    }

    private void accounts(List<AccountConfig> accounts) {
        Set<String> seen = new HashSet<>();
        for (AccountConfig account : accounts) {
            String path = "accounts." + account.handle();
            if (!AccountsReader.HANDLE.matcher(account.handle()).matches()) {
                problem(path, "is not a valid handle; expected " + AccountsReader.HANDLE_EXPECTED);
            } else if (!seen.add(account.handle().toLowerCase(Locale.ROOT))) {
                problem(path, "handle " + account.handle() + " is configured twice; expected each account once");
            }
        }
        List<AccountConfig> signed =
                accounts.stream().filter(a -> a.credentials() != null).toList();
        for (AccountConfig account : signed.subList(Math.min(1, signed.size()), signed.size())) {
            OneAppRule.check(
                            account.handle(),
                            account.credentials().consumerKey().reveal(),
                            signed.get(0).handle(),
                            signed.get(0).credentials().consumerKey().reveal())
                    .ifPresent(otherApp -> problem("accounts." + account.handle(), otherApp));
        }
        long withCredentials = signed.size();
        if (withCredentials > 0 && withCredentials < accounts.size()) {
            problem(
                    "accounts",
                    "some accounts have credentials and some have none; expected credentials for every account"
                            + " (to act on X) or for none (the built-in sandbox)");
        }
    }

    private ThrottlesConfig throttles(
            Throttles throttles, StoreConfig store, List<AccountConfig> accounts, List<BotSpec> bots) {
        for (String handle : throttles.accountLimits().keySet()) {
            if (!configured(accounts, handle)) {
                problem("throttles.overrides." + handle, noSuchAccount(handle, accounts));
            }
        }
        for (String bot : throttles.botOnThrottle().keySet()) {
            if (bots.stream().noneMatch(b -> b.name().equals(bot))) {
                problem(
                        "bots." + bot + ".onThrottle",
                        "names bot " + Quoting.quote(bot) + ", which is not configured; configured: "
                                + listOr(bots.stream().map(BotSpec::name).toList()));
            }
        }
        return section("throttles", () -> CodeSections.throttles(throttles, store));
    }

    private OptOutSettings optOut(OptOutPolicy optOut, List<AccountConfig> accounts) {
        for (String handle : optOut.accountScopes().keySet()) {
            if (!configured(accounts, handle)) {
                problem("optout.accounts." + handle, noSuchAccount(handle, accounts));
            }
        }
        optOut.keywordFile()
                .ifPresent(file -> OptOutReader.keywordFileProblem(file)
                        .ifPresent(m -> problem("optout.keywords", "names " + file + m)));
        return section("optout", () -> CodeSections.optOut(optOut));
    }

    private InboundConfig inbound(InboundSettings inbound, List<AccountConfig> accounts) {
        if (inbound.webhook()
                && inbound.webhookConsumerSecret().isEmpty()
                && accounts.stream().allMatch(a -> a.credentials() == null)) {
            problem("inbound.webhook.enabled", InboundReader.UNSIGNED_WEBHOOK);
        }
        return section("inbound", () -> CodeSections.inbound(inbound));
    }

    private static boolean configured(List<AccountConfig> accounts, String handle) {
        return accounts.stream().anyMatch(a -> a.handle().equalsIgnoreCase(handle));
    }

    private static String noSuchAccount(String handle, List<AccountConfig> accounts) {
        return "names account " + Quoting.quote(handle) + ", which is not configured; configured: "
                + listOr(accounts.stream().map(AccountConfig::handle).toList());
    }

    private static String listOr(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private void bots(List<BotSpec> bots, List<AccountConfig> accounts, ClassChecker classes) {
        Set<String> seen = new HashSet<>();
        for (BotSpec bot : bots) {
            String path = "bots." + bot.name();
            if (!BotsReader.NAME.matcher(bot.name()).matches()) {
                problem(path, "is not a valid bot name; expected " + BotsReader.NAME_EXPECTED);
            } else if (!seen.add(bot.name())) {
                problem(path, "bot " + bot.name() + " is configured twice; expected each bot name once");
            }
            if (accounts.stream().noneMatch(a -> a.handle().equalsIgnoreCase(bot.account()))) {
                problem(
                        path + ".account",
                        "acts as account " + Quoting.quote(bot.account()) + ", which is not configured; configured: "
                                + listOr(accounts.stream()
                                        .map(AccountConfig::handle)
                                        .toList()));
            }
            if (!bot.instance()) {
                classes.problemWith(bot.className(), Bot.class).ifPresent(m -> problem(path + ".class", m));
            }
            if (bot.schedule() == null && bot.inbound().isEmpty()) {
                problem(
                        path,
                        "has neither a schedule nor inbound, so it would never run;"
                                + " expected a Schedule or Inbound.MENTIONS / Inbound.DIRECT_MESSAGES");
            }
        }
    }
}
