package dev.bridle;

import com.google.inject.Module;
import dev.bridle.audit.AuditLedger;
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
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.CodeConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.config.TermFiles;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.PlatformSource;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.platform.Platform;
import dev.bridle.platform.RateLimitFeedback;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs bots from Java code, as {@code bridle run} does from the command line: from {@code bridle.yaml}, or from
 * sections given in code.
 *
 * <pre>{@code
 * try (Bridle bridle = Bridle.builder().config(Path.of("config/bridle.yaml")).build()) {
 *     bridle.start();
 *     ...
 * }
 *
 * try (Bridle bridle = Bridle.builder()
 *         .app("acme-bots-dev", "answers questions about Acme's releases")
 *         .account("acme_help", consumerKey, consumerSecret, accessToken, accessTokenSecret)
 *         .bot("thanks", "acme_help", ThankYouBot.class, null, Inbound.MENTIONS)
 *         .build()) {
 *     bridle.start();
 * }
 * }</pre>
 *
 * A configuration is put together in one place, whether it comes from a file, from code, or both: the file's sections
 * first (read and checked with their lines), then what the builder was given in code, in place of the file's sections
 * ({@link Builder#throttles}, {@link Builder#consent}, the app, the store) or after its accounts and bots. The whole is
 * checked by the rules the file is checked by, with the same messages; the sections neither gives take their defaults
 * ({@link Throttles#defaults()} and the like). The runtime acts on X, or on the API named by
 * {@link Builder#apiBaseUrl}, with every account's credentials; {@code bridle run} (bridle-cli) runs the same bots on a
 * local sandbox when no account has any, and bridle-testkit gives each test a sandbox of its own.
 *
 * <p>{@link Builder#build()} checks everything it can before anything runs: the configuration, the store (migrated to
 * the current schema), every account's credentials, and that every bot can be built. {@link #start()} then schedules
 * the bots.
 */
public final class Bridle implements AutoCloseable {

    private final BridleRuntime runtime;
    private final boolean manual;

    private Bridle(BridleRuntime runtime, boolean manual) {
        this.runtime = runtime;
        this.manual = manual;
    }

    /** A builder: a configuration file, or at least an app and an account in code. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Schedules every bot as configured and starts running them; built with {@link Builder#manualScheduling()}, starts
     * nothing of its own and leaves running to {@link #runDue()}.
     */
    public void start() {
        if (manual) {
            runtime.startManually();
        } else {
            runtime.start();
        }
    }

    /**
     * Runs, on the calling thread, what is due at the clock's now: each bot whose schedule has come (an interval fires
     * at start and then every interval), one poll of every account's mentions and direct messages, then the deferred
     * actions whose time has come. For a Bridle built with {@link Builder#manualScheduling()}, whose tests move the
     * clock themselves.
     *
     * @return how many bot runs and deferred actions ran
     * @throws IllegalStateException if this Bridle schedules on its own threads, or was not started
     */
    public int runDue() {
        if (!manual) {
            throw new IllegalStateException("runDue() is for a Bridle built with manualScheduling()");
        }
        return runtime.runDue();
    }

    /**
     * Runs {@code botName}'s {@code onSchedule} now, on the calling thread, whatever its schedule.
     *
     * @return whether it completed without throwing (a throw is logged and recorded in the ledger)
     * @throws java.util.NoSuchElementException if no bot has that name
     */
    public boolean runNow(String botName) {
        return runtime.bots().runScheduled(botName);
    }

    /**
     * How many actions are waiting to be sent later: deferred by a throttle or the platform, or compliance messages
     * waiting for another try.
     */
    public int waitingActions() {
        return runtime.deferred().waiting();
    }

    /** Consent and opt-out, as the embedding application records and reads them. */
    public Contacts contacts() {
        return new Contacts(runtime.consents(), runtime.optOuts(), runtime.clock());
    }

    /** What bots remember about people, for an access or erasure request: list it for a person, and forget it. */
    public PeopleData people() {
        return new PeopleData(runtime.personFacts());
    }

    /** The audit ledger: every decision and outcome. */
    public AuditLedger ledger() {
        return runtime.ledger();
    }

    /** Stops the bots, letting running handlers finish, and closes the store. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Builds a {@link Bridle}; see {@link Bridle} for what {@link #build()} checks. */
    public static final class Builder {

        /** The store unless one is given: an H2 database in {@code ./data/bridle}. */
        public static final String DEFAULT_STORE_URL = StoreConfig.DEFAULT_URL;
        /** The threads that run scheduled bots unless set. */
        public static final int DEFAULT_SCHEDULER_THREADS = SchedulerConfig.DEFAULT_THREADS;

        private PlatformSource platform;
        private Clock clock = Clock.systemUTC();
        private final List<Module> modules = new ArrayList<>();
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private boolean manual;
        private URI apiBaseUrl;
        private final Map<String, Credentials> credentials = new LinkedHashMap<>();

        private BridleConfig file;
        private String appName;
        private String purpose;
        private Set<Purpose> purposes;
        private Environment environment;
        private boolean dryRun;
        private StoreConfig store;
        private SchedulerConfig scheduler;
        private Throttles throttles;
        private Duplicates duplicates;
        private ConsentPolicy consent;
        private OptOutPolicy optOut;
        private InboundSettings inbound;
        private final List<AccountConfig> accounts = new ArrayList<>();
        private final List<CodeConfig.BotSpec> bots = new ArrayList<>();
        private final Map<String, Bot> instances = new LinkedHashMap<>();
        private final Map<String, OnConsentEnd> onConsentEnd = new LinkedHashMap<>();
        private Path sensitiveTerms;
        private Path watchTerms;

        private Builder() {}

        /**
         * The configuration in {@code file}, its {@code ${env:NAME}} read from the process's environment. What is given
         * in code as well takes the place of the file's section, or adds to its accounts and bots.
         *
         * @throws RuntimeException whose message lists every problem with its file and line, if there is any
         */
        public Builder config(Path file) {
            this.file = ConfigLoader.load(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** The configuration in {@code file}, its {@code ${env:NAME}} read from {@code environment}. */
        public Builder config(Path file, Map<String, String> environment) {
            this.file = ConfigLoader.load(Objects.requireNonNull(file, "file"), Map.copyOf(environment), loader());
            return this;
        }

        /** The platform app: its name, which says its environment ({@code acme-bots-dev}), and what it does. */
        public Builder app(String name, String purpose) {
            this.appName = Objects.requireNonNull(name, "name");
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * What the bots are for, from {@link Purpose}'s list; the file's {@code app.purposes} unless set. Reads and
         * facts are allowed only for purposes that need them; a prohibited purpose stops the build with its rule.
         */
        public Builder purposes(Purpose... purposes) {
            this.purposes = Set.of(purposes);
            return this;
        }

        /** Which environment this is; unless set, the one the app's name declares. */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Records every decision and sends nothing. */
        public Builder dryRun() {
            this.dryRun = true;
            return this;
        }

        /** An H2 database in {@code file} (without its {@code .mv.db}); {@link #DEFAULT_STORE_URL} unless set. */
        public Builder store(Path file) {
            this.store = new StoreConfig("jdbc:h2:file:" + file.toAbsolutePath(), null, null);
            return this;
        }

        /** A PostgreSQL database, for several nodes on one store. */
        public Builder postgres(String jdbcUrl, String user, String password) {
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a PostgreSQL URL starts with jdbc:postgresql:, not " + jdbcUrl);
            }
            this.store = new StoreConfig(jdbcUrl, user, Secret.of(password));
            return this;
        }

        /** The threads that run scheduled bots; {@link #DEFAULT_SCHEDULER_THREADS} unless set. */
        public Builder schedulerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("at least one scheduler thread, not " + threads);
            }
            this.scheduler = new SchedulerConfig(threads);
            return this;
        }

        /** The limits on what accounts do; {@link Throttles#defaults()} unless set. */
        public Builder throttles(Throttles throttles) {
            this.throttles = Objects.requireNonNull(throttles, "throttles");
            return this;
        }

        /** What counts as duplicate content; {@link Duplicates#defaults()} unless set. */
        public Builder duplicates(Duplicates duplicates) {
            this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
            return this;
        }

        /** How consent is recorded and checked; {@link ConsentPolicy#defaults()} unless set. */
        public Builder consent(ConsentPolicy consent) {
            this.consent = Objects.requireNonNull(consent, "consent");
            return this;
        }

        /** How opt-outs reach and are answered; {@link OptOutPolicy#defaults()} unless set. */
        public Builder optOut(OptOutPolicy optOut) {
            this.optOut = Objects.requireNonNull(optOut, "optOut");
            return this;
        }

        /** How mentions and direct messages arrive; {@link InboundSettings#defaults()} unless set. */
        public Builder inbound(InboundSettings inbound) {
            this.inbound = Objects.requireNonNull(inbound, "inbound");
            return this;
        }

        /**
         * The sensitive-category term file facts are screened with, in place of the file's
         * {@code recognisers.sensitiveTerms}; without either, {@code sensitive-terms.yaml} beside the configuration
         * file, else the shipped terms. Reread when it changes.
         */
        public Builder sensitiveTerms(Path file) {
            this.sensitiveTerms = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The watch-rule term file search queries and stream rules are classified with, in place of the file's
         * {@code recognisers.watchTerms}; without either, {@code watch-terms.yaml} beside the configuration file, else
         * the shipped terms. Reread when it changes.
         */
        public Builder watchTerms(Path file) {
            this.watchTerms = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * What the bot {@code name} (given in code or in the file) does with its facts about a person who opts out or
         * withdraws consent, in place of its {@code onConsentEnd:}; {@link OnConsentEnd#FORGET} unless set.
         */
        public Builder onConsentEnd(String name, OnConsentEnd mode) {
            onConsentEnd.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(mode, "mode"));
            return this;
        }

        /**
         * An account whose credentials come later, from {@link #credentials} (a sandbox's, say); {@code build()}
         * refuses an account that has none.
         */
        public Builder account(String handle) {
            accounts.add(new AccountConfig(Objects.requireNonNull(handle, "handle"), null));
            return this;
        }

        /** An account on X, with its OAuth 1.0a credentials; they never reach logs or the ledger. */
        public Builder account(
                String handle,
                String consumerKey,
                String consumerSecret,
                String accessToken,
                String accessTokenSecret) {
            accounts.add(new AccountConfig(
                    Objects.requireNonNull(handle, "handle"),
                    oauth1(consumerKey, consumerSecret, accessToken, accessTokenSecret)));
            return this;
        }

        /**
         * The handles of the accounts given so far, the file's first, in order (a test kit starts its sandbox with
         * them).
         */
        public List<String> accountHandles() {
            List<String> handles = new ArrayList<>();
            if (file != null) {
                file.accounts().forEach(a -> handles.add(a.handle()));
            }
            accounts.forEach(a -> handles.add(a.handle()));
            return handles;
        }

        /**
         * A bot Guice builds from {@code type}, with the modules given here.
         *
         * @param schedule when its {@code onSchedule} runs, or {@code null} for never
         * @param inbound what it handles, if anything
         */
        public Builder bot(
                String name, String account, Class<? extends Bot> type, Schedule schedule, Inbound... inbound) {
            bots.add(new CodeConfig.BotSpec(name, account, type.getName(), false, schedule, Set.of(inbound)));
            return this;
        }

        /**
         * A bot given as it is (one instance, the caller's to build).
         *
         * @param schedule when its {@code onSchedule} runs, or {@code null} for never
         * @param inbound what it handles, if anything
         */
        public Builder bot(String name, String account, Bot bot, Schedule schedule, Inbound... inbound) {
            Objects.requireNonNull(bot, "bot");
            bots.add(new CodeConfig.BotSpec(name, account, bot.getClass().getName(), true, schedule, Set.of(inbound)));
            instances.put(name, bot);
            return this;
        }

        /**
         * The platform to act on, for tests and embedding. Unless it is set, the platform comes from the configuration:
         * the twitter4j adapter on X (or on {@link #apiBaseUrl}), with every account's credentials.
         */
        public Builder platform(Platform platform) {
            Objects.requireNonNull(platform, "platform");
            this.platform = PlatformSource.of(platform);
            return this;
        }

        /**
         * The platform to act on, connected by {@code connect} with the feedback its rate-limit answers go to, so that
         * the throttles hear what the platform says of its limits as they do from the built-in adapter.
         */
        public Builder platform(Function<RateLimitFeedback, Platform> connect) {
            Objects.requireNonNull(connect, "connect");
            this.platform = connect::apply;
            return this;
        }

        /**
         * The platform's API at {@code baseUrl} instead of X's: a standalone sandbox ({@code bridle sandbox}), a test
         * kit's, or a proxy. The same as {@code platform.baseUrl} in the file, which it overrides.
         */
        public Builder apiBaseUrl(URI baseUrl) {
            this.apiBaseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * The OAuth 1.0a credentials of {@code handle}, an account given without them (in code, or in the file): a
         * sandbox's generated ones, say. They never reach logs or the ledger.
         */
        public Builder credentials(
                String handle,
                String consumerKey,
                String consumerSecret,
                String accessToken,
                String accessTokenSecret) {
            credentials.put(
                    Objects.requireNonNull(handle, "handle").toLowerCase(Locale.ROOT),
                    oauth1(consumerKey, consumerSecret, accessToken, accessTokenSecret));
            return this;
        }

        /** The clock every part reads; the system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * No threads of its own: {@link Bridle#start()} starts no scheduler, poller or housekeeping, and
         * {@link Bridle#runDue()} runs what is due on the caller's thread. For tests that move the clock by hand.
         */
        public Builder manualScheduling() {
            this.manual = true;
            return this;
        }

        /** A Guice module for the bots' own services, in addition to those named in configuration. */
        public Builder module(Module module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /** Where bot and module classes are loaded from; the thread's context class loader unless set. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        private static Credentials oauth1(
                String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
            return new Credentials(
                    Secret.of(consumerKey),
                    Secret.of(consumerSecret),
                    Secret.of(accessToken),
                    Secret.of(accessTokenSecret));
        }

        private ClassLoader loader() {
            return classLoader == null ? Bridle.class.getClassLoader() : classLoader;
        }

        private BridleConfig configuration() {
            if (file == null && appName == null && accounts.isEmpty() && bots.isEmpty()) {
                throw new IllegalStateException(
                        "Bridle needs a configuration: call config(file), or app(...), account(...) and bot(...)");
            }
            return CodeConfig.build(
                    new CodeConfig.Given(
                            file,
                            appName,
                            purpose,
                            purposes,
                            environment,
                            dryRun,
                            store,
                            scheduler,
                            accounts,
                            bots,
                            throttles,
                            duplicates,
                            consent,
                            optOut,
                            inbound,
                            onConsentEnd,
                            sensitiveTerms == null && watchTerms == null
                                    ? null
                                    : new TermFiles(sensitiveTerms, watchTerms)),
                    loader());
        }

        /**
         * The decision plan this configuration makes, as {@code bridle check} prints it: every step an action passes in
         * order, with the rule it enforces and its latency budget, then the final checks before each platform call. It
         * is assembled as {@link #build()} assembles it, on a scratch in-memory store, so the configured store is not
         * opened and nothing is connected.
         *
         * @throws RuntimeException whose message lists every problem of the configuration, if there is any
         */
        public List<String> plan() {
            return BridleRuntime.describePlan(withPlatformOverrides(configuration()));
        }

        /**
         * What in the configuration deserves a second look though it is allowed: the app's free-text purpose read with
         * the watch-rule and sensitive-category terms. Opens no store and connects to nothing.
         *
         * @throws RuntimeException whose message lists every problem of the configuration, if there is any
         */
        public List<String> warnings() {
            return BridleRuntime.warnings(configuration());
        }

        /**
         * Checks the configuration, opens the store and builds every part.
         *
         * @throws IllegalStateException naming what is missing or what failed
         * @throws RuntimeException whose message lists every problem of the configuration, if there is any
         */
        public Bridle build() {
            BridleConfig built = withPlatformOverrides(configuration());
            PlatformSource source =
                    platform != null ? platform : feedback -> PlatformFactory.connect(built, clock, feedback);
            return new Bridle(
                    BridleRuntime.create(
                            built,
                            source,
                            clock,
                            RuntimeOptions.defaults()
                                    .modules(modules)
                                    .classLoader(loader())
                                    .bots(instances)),
                    manual);
        }

        /** The configuration with the base URL and credentials given here, naming an account that is not in it. */
        private BridleConfig withPlatformOverrides(BridleConfig config) {
            if (apiBaseUrl == null && credentials.isEmpty()) {
                return config;
            }
            for (String handle : credentials.keySet()) {
                if (config.account(handle).isEmpty()) {
                    throw new IllegalStateException(
                            "credentials(...) for @" + handle + ", which is not an account of " + config.source());
                }
            }
            List<AccountConfig> accounts = config.accounts().stream()
                    .map(a -> credentials.containsKey(a.handle().toLowerCase(Locale.ROOT))
                            ? new AccountConfig(
                                    a.handle(), credentials.get(a.handle().toLowerCase(Locale.ROOT)))
                            : a)
                    .toList();
            PlatformConfig platformConfig = apiBaseUrl == null
                    ? config.platform()
                    : new PlatformConfig(config.platform().api(), apiBaseUrl.toString());
            return config.withPlatform(platformConfig, accounts);
        }

        /**
         * Opens the configured store alone, for an operator's tool: consent and opt-outs, the ledger, the accounts'
         * pauses. Nothing connects to the platform, no credentials are needed or checked, no bot is built and nothing
         * is scheduled; the platform settings, credentials and bots given here are not used.
         *
         * @throws RuntimeException whose message lists every problem of the configuration, if there is any
         * @throws dev.bridle.config.StoreUnavailableException if the store cannot be opened or migrated
         */
        public BridleStore openStore() {
            return BridleStore.open(configuration(), clock);
        }

        /**
         * The opt-out keywords this configuration classifies inbound messages with: the file {@code optout.keywords}
         * names, or the shipped ones ({@link OptOutKeywords#shipped()}). Opens no store and connects to nothing.
         *
         * @throws RuntimeException whose message lists every problem of the configuration, or of the keyword file with
         *     its lines, if there is any
         */
        public OptOutKeywords keywords() {
            Path file = configuration().optOut().keywordFile();
            return file == null ? OptOutKeywords.defaults() : OptOutKeywords.load(file);
        }

        /**
         * The fact check with this configuration's sensitive-category terms, as the running bots screen facts. Opens no
         * store.
         *
         * @throws RuntimeException whose message lists every problem of the configuration or the term file
         */
        public FactCheck factCheck() {
            Path file = configuration().sensitiveTermsFile();
            return file == null ? FactCheck.defaults() : FactCheck.load(file);
        }

        /**
         * The watch-rule check with this configuration's terms, as the running bots' queries are classified. Opens no
         * store.
         *
         * @throws RuntimeException whose message lists every problem of the configuration or the term files
         */
        public WatchCheck watchCheck() {
            BridleConfig config = configuration();
            Path watch = config.watchTermsFile();
            Path sensitive = config.sensitiveTermsFile();
            return WatchCheck.load(watch, sensitive);
        }

        /**
         * Duplicate detection with this configuration's {@code duplicates.threshold}. Opens no store.
         *
         * @throws RuntimeException whose message lists every problem of the configuration, if there is any
         */
        public DuplicateCheck duplicateCheck() {
            return DuplicateCheck.withThreshold(
                    configuration().duplicates().policy().threshold());
        }
    }
}
