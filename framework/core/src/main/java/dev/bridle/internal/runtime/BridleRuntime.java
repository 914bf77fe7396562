package dev.bridle.internal.runtime;

import com.google.inject.Module;
import dev.bridle.audit.AuditLedger;
import dev.bridle.bot.Account;
import dev.bridle.bot.Bot;
import dev.bridle.config.Inbound;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigPrinter;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.KeywordFile;
import dev.bridle.internal.config.KeywordFileReader;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.dedupe.DuplicateGuard;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.inbound.ComplianceReplies;
import dev.bridle.internal.inbound.InboundClaims;
import dev.bridle.internal.inbound.InboundEvent;
import dev.bridle.internal.inbound.InboundLog;
import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.InboundRouter;
import dev.bridle.internal.inbound.OptOutKeywordStep;
import dev.bridle.internal.inbound.PollLeases;
import dev.bridle.internal.inbound.WebhookReceiver;
import dev.bridle.internal.node.ConfigFingerprint;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.optout.KeywordMatcher;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.platform.HandleResolver;
import dev.bridle.internal.schedule.BotInvoker;
import dev.bridle.internal.schedule.BotScheduler;
import dev.bridle.internal.schedule.DeferredActionRunner;
import dev.bridle.internal.schedule.ManualSchedule;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.BotStateStore;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Dialect;
import dev.bridle.internal.store.JdbcBotStateStore;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.internal.throttle.Throttles;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Bridle, assembled from configuration: the store and ledger, the guard chain, the dispatcher, the bots and
 * their scheduler. Internal: applications use {@code dev.bridle.Bridle}.
 */
public final class BridleRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BridleRuntime.class);

    /**
     * On a shared PostgreSQL store another node may be sending an action right now: start-up reconciliation leaves
     * decisions younger than this to it.
     */
    static final Duration SHARED_STORE_RECOVERY_MIN_AGE = Duration.ofMinutes(5);

    private final BridleConfig config;
    private final PlatformSource platformSource;
    private final Clock clock;
    private Platform platform;
    private final ContactSettings contact;
    private final RuntimeHooks hooks;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private Database database;
    private JdbcAuditLedger ledger;
    private AccountHealth health;
    private GuardChain guards;
    private GuardChain finalChecks;
    private BotRunner runner;
    private BotScheduler scheduler;
    private InboundRouter inbound;
    private Throttles throttles;
    private DuplicateGuard duplicates;
    private Housekeeping housekeeping;
    private DeferredActions deferred;
    private InboundPoller poller;
    private ConsentRegistry consents;
    private OptOutRegistry optOuts;
    private Secret webhookSecret;
    private WebhookReceiver webhook;
    private NodeRegistry node;
    private DecisionPlan plan;
    /** Bots given as instances (built in code), by name; the others Guice builds. */
    private Map<String, Bot> botInstances = Map.of();

    private ManualSchedule manual;

    private BridleRuntime(
            BridleConfig config,
            PlatformSource platformSource,
            Clock clock,
            ContactSettings contact,
            RuntimeHooks hooks) {
        this.config = config;
        this.platformSource = platformSource;
        this.clock = clock;
        this.contact = contact;
        this.hooks = hooks;
    }

    /**
     * Opens the store, migrates it, connects the platform, checks every account with it, builds every bot and the
     * scheduler. Nothing runs until {@link #start}. On failure everything opened is closed.
     */
    public static BridleRuntime create(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader,
            ContactSettings contact) {
        return create(config, platform, clock, extraModules, classLoader, contact, RuntimeHooks.NONE);
    }

    /** As above, with test hooks ({@link RuntimeHooks}; production passes {@link RuntimeHooks#NONE}). */
    static BridleRuntime create(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader,
            ContactSettings contact,
            RuntimeHooks hooks) {
        return assembled(config, platform, clock, extraModules, classLoader, contact, hooks);
    }

    /**
     * As above, with the scheduler named {@code schedulerName}: Quartz allows one scheduler of a name per JVM, so tests
     * that run two nodes in one JVM name them apart.
     */
    static BridleRuntime create(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader,
            ContactSettings contact,
            String schedulerName) {
        return assembled(
                config, platform, clock, extraModules, classLoader, contact, RuntimeHooks.NONE.named(schedulerName));
    }

    /**
     * As {@link #create(BridleConfig, PlatformSource, Clock, List, ClassLoader)}, with some bots given as instances
     * ({@code Bridle.builder().bot(...)}), by name: those are used as they are, the others built by Guice.
     */
    public static BridleRuntime create(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader,
            Map<String, Bot> botInstances) {
        return assembled(
                config,
                platform,
                clock,
                extraModules,
                classLoader,
                ContactSettings.of(Objects.requireNonNull(config, "config")),
                RuntimeHooks.NONE,
                botInstances);
    }

    private static BridleRuntime assembled(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader,
            ContactSettings contact,
            RuntimeHooks hooks) {
        return assembled(config, platform, clock, extraModules, classLoader, contact, hooks, Map.of());
    }

    private static BridleRuntime assembled(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader,
            ContactSettings contact,
            RuntimeHooks hooks,
            Map<String, Bot> botInstances) {
        BridleRuntime runtime = new BridleRuntime(
                Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(platform, "platform"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(contact, "contact"),
                Objects.requireNonNull(hooks, "hooks"));
        runtime.botInstances = Map.copyOf(botInstances);
        try {
            runtime.assemble(extraModules, classLoader);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** As above, with the consent, opt-out and webhook settings {@code config} holds. */
    public static BridleRuntime create(
            BridleConfig config,
            PlatformSource platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader) {
        return create(
                config,
                platform,
                clock,
                extraModules,
                classLoader,
                ContactSettings.of(Objects.requireNonNull(config, "config")));
    }

    /** As above, with a platform already connected. */
    public static BridleRuntime create(
            BridleConfig config,
            Platform platform,
            Clock clock,
            List<Module> extraModules,
            ClassLoader classLoader,
            ContactSettings contact) {
        return create(
                config,
                PlatformSource.of(Objects.requireNonNull(platform, "platform")),
                clock,
                extraModules,
                classLoader,
                contact);
    }

    /**
     * As above, with a platform already connected and the consent, opt-out and webhook settings {@code config} holds.
     */
    public static BridleRuntime create(
            BridleConfig config, Platform platform, Clock clock, List<Module> extraModules, ClassLoader classLoader) {
        return create(
                config,
                PlatformSource.of(Objects.requireNonNull(platform, "platform")),
                clock,
                extraModules,
                classLoader);
    }

    private void assemble(List<Module> extraModules, ClassLoader classLoader) {
        database = track(Database.open(config.store()));
        database.migrate();
        // Several nodes (issue 11, 5b): this process's row and heartbeat; refuses to run beside a live node configured
        // otherwise
        node = track(NodeRegistry.join(database, ConfigFingerprint.of(ConfigPrinter.print(config)), clock));
        ledger = track(JdbcAuditLedger.open(database));
        ledger.checkAnchor(); // before anything appends: a ledger that does not match its anchor does not start
        BotStateStore state = new JdbcBotStateStore(database, clock);
        PlanRules rules = PlanRules.open(config, database, clock, contact, false);
        health = rules.health;
        consents = rules.consents;
        optOuts = rules.optOuts;
        throttles = rules.throttles;
        duplicates = rules.duplicates;
        housekeeping = track(new Housekeeping());
        rules.addPurges(housekeeping);
        ThrottleSettings throttleSettings = config.throttles().settings();
        deferred = new DeferredActions(
                database, throttleSettings, config.throttles().deferred(), clock);
        platform = platformSource.connect(throttles.feedback());
        if (platform instanceof AutoCloseable closeable) {
            track(closeable);
        }
        plan = track(DecisionPlan.of(config, rules, new HandleResolver(platform, clock), clock, hooks.finalChecks()));
        guards = plan.chain();
        finalChecks = plan.finalChecks();
        ActionDispatcher dispatcher =
                new ActionDispatcher(guards, finalChecks, ledger, platform, clock, health, hooks.retry(), deferred);
        verifyAccounts();
        recoverInDoubt();

        BotFactory factory = new BotFactory(config, clock, extraModules, classLoader);
        List<BotRunner.RunningBot> bots = new ArrayList<>();
        for (BotConfig bot : config.bots()) {
            Account account = accounts.get(bot.account().toLowerCase(Locale.ROOT));
            Bot instance = botInstances.containsKey(bot.name())
                    ? botInstances.get(bot.name())
                    : factory.build(bot.name(), bot.className());
            DispatchingActions actions = new DispatchingActions(bot.name(), account, dispatcher, clock);
            bots.add(new BotRunner.RunningBot(
                    bot.name(),
                    instance,
                    RuntimeBotContext.of(bot.name(), account, clock, new StoredBotState(bot.name(), state), actions)));
        }
        runner = new BotRunner(bots, ledger, clock);
        InboundLog inboundLog = new InboundLog(database, clock);
        InboundClaims claims = new InboundClaims(database, clock, node);
        OptOutKeywordStep keywordStep = new OptOutKeywordStep(
                keywords(), optOuts, consents, new ComplianceReplies(deferred::sendOwed, clock), deferred);
        webhookSecret = contact.webhook().enabled() ? webhookSecret() : null;
        List<Account> verified =
                accounts.values().stream().filter(a -> a.userId() != null).toList();
        inbound = new InboundRouter(
                claims,
                List.of(keywordStep),
                runner,
                subscribers(),
                verified.stream().map(Account::userId).collect(Collectors.toSet()));
        poller = track(new InboundPoller(
                platform,
                inboundLog,
                inbound,
                verified,
                new PollLeases(
                        database,
                        clock,
                        node,
                        Map.of(
                                InboundEvent.Kind.MENTION,
                                config.inbound().pollMentionsEvery(),
                                InboundEvent.Kind.DIRECT_MESSAGE,
                                config.inbound().pollDirectMessagesEvery()))));
        BotInvoker invoker = runner::runScheduled;
        scheduler = track(BotScheduler.builder()
                .database(database)
                .config(config.scheduler())
                .instanceName(hooks.schedulerName())
                .injector(factory.injector().createChildInjector(b -> {
                    b.bind(BotInvoker.class).toInstance(invoker);
                    b.bind(DeferredActionRunner.class).toInstance(deferred);
                }))
                .build());
        deferred.attach(dispatcher, scheduler);
        deferred.recover(id -> ledger.last(id).map(e -> e.record().event()), recoveryMinAge());
    }

    /**
     * The buckets every node shares, in the database, when {@code throttles.buckets} says so; else {@code null}, and
     * each process keeps its own in memory.
     */
    /** The configured keyword file, reread when it changes; the shipped keywords if none is configured. */
    private Supplier<KeywordMatcher> keywords() {
        if (contact.optOut().keywordFile() == null) {
            KeywordMatcher shipped = KeywordMatcher.of(KeywordFileReader.defaults());
            return () -> shipped;
        }
        return KeywordFile.open(contact.optOut().keywordFile(), clock).polledMatcher();
    }

    /** The consumer secret that signs webhook events: configured, else the accounts' (one app signs them all). */
    private Secret webhookSecret() {
        if (contact.webhook().consumerSecret() != null) {
            return contact.webhook().consumerSecret();
        }
        return config.accounts().stream()
                .map(AccountConfig::credentials)
                .filter(Objects::nonNull)
                .map(Credentials::consumerSecret)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("the webhook is enabled but no consumer secret is configured: "
                                + "set the webhook's consumerSecret or give an account its credentials"));
    }

    /** For each inbound kind, account handle to the bots that handle it. */
    private Map<InboundEvent.Kind, Map<String, List<String>>> subscribers() {
        Map<InboundEvent.Kind, Map<String, List<String>>> subscribers = new EnumMap<>(InboundEvent.Kind.class);
        for (BotConfig bot : config.bots()) {
            for (Inbound kind : bot.inbound()) {
                InboundEvent.Kind event =
                        kind == Inbound.MENTIONS ? InboundEvent.Kind.MENTION : InboundEvent.Kind.DIRECT_MESSAGE;
                subscribers
                        .computeIfAbsent(event, k -> new LinkedHashMap<>())
                        .computeIfAbsent(bot.account().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(bot.name());
            }
        }
        return subscribers;
    }

    /**
     * Verifies every account's credentials. An account the platform refuses (bad or expired tokens, locked, flagged) is
     * paused and left out of inbound polling; the others carry on. An account paused for bad credentials that verify
     * again is resumed. Anything else (the platform unreachable) stops the start.
     */
    private void verifyAccounts() {
        for (var account : config.accounts()) {
            String key = account.handle().toLowerCase(Locale.ROOT);
            try {
                Account verified = platform.verifyCredentials(new Account(account.handle(), null));
                accounts.put(key, verified);
                resumeIfCredentialsPaused(key);
            } catch (PlatformException e) {
                if (e.kind() != PlatformException.Kind.BAD_CREDENTIALS
                        && e.kind() != PlatformException.Kind.ACCOUNT_RESTRICTED) {
                    throw new IllegalStateException(
                            "account @" + account.handle() + " could not be verified with the platform: "
                                    + e.getMessage(),
                            e);
                }
                health.pause(account.handle(), e);
                accounts.put(key, new Account(account.handle(), null));
            }
        }
    }

    private void resumeIfCredentialsPaused(String handle) {
        health.pauseOf(handle)
                .filter(p -> p.reason() == dev.bridle.internal.health.PauseReason.BAD_CREDENTIALS)
                .ifPresent(p -> {
                    log.warn(
                            "@{} was paused for bad credentials ({}); they verify now, so it is resumed",
                            handle,
                            p.since());
                    health.resume(handle);
                });
    }

    /** Settles what the ledger shows allowed but never finished (a crash, or an outcome in doubt); re-sends nothing. */
    private void recoverInDoubt() {
        new InDoubtRecovery(ledger, new Reconciler(platform), accounts, clock)
                .recover(ledger.unsettled(clock.instant().minus(InDoubtRecovery.WINDOW)), recoveryMinAge());
    }

    /**
     * How old an unfinished decision must be for start-up to settle it: on a shared store, another node may be on a
     * younger one.
     */
    private Duration recoveryMinAge() {
        return database.dialect() == Dialect.H2 ? Duration.ZERO : SHARED_STORE_RECOVERY_MIN_AGE;
    }

    /** This process among the nodes sharing the store: its id, its heartbeat, who else is alive. */
    public NodeRegistry node() {
        return node;
    }

    /** Which accounts are paused, and which kinds of action are over a daily limit. */
    public AccountHealth accountHealth() {
        return health;
    }

    /**
     * The decision plan {@code config} makes, for people (each step, its rule, its budget; then the final checks),
     * assembled by the same code as a running runtime's, on a scratch in-memory store: nothing of the configured store
     * is read or written and no platform is called.
     */
    public static List<String> describePlan(BridleConfig config) {
        return DecisionPlan.describe(Objects.requireNonNull(config, "config"));
    }

    /** The clock every part reads. */
    public Clock clock() {
        return clock;
    }

    /** The plan this runtime decides by (tests compare it with the one {@link #describePlan} prints). */
    DecisionPlan plan() {
        return plan;
    }

    /** Schedules every bot as configured and starts the scheduler. */
    public void start() {
        scheduler.sync(config.bots());
        scheduler.start();
        poller.start(config.inbound().pollMentionsEvery(), config.inbound().pollDirectMessagesEvery());
        housekeeping.start();
        if (webhookSecret != null && webhook == null) {
            webhook = track(
                    WebhookReceiver.start(contact.webhook(), webhookSecret, inbound::accept, accounts.values(), clock));
        }
        log.info(
                "Bridle started: {} bots on {} accounts, environment {}, app {}{}",
                config.bots().size(),
                accounts.size(),
                config.environment(),
                config.app().name(),
                config.dryRun() ? ", DRY RUN" : "");
    }

    /**
     * Starts without the scheduler's, the poller's and housekeeping's threads: nothing runs until {@link #runDue()} is
     * called, on the caller's thread. For tests that move the clock by hand.
     */
    public synchronized void startManually() {
        manual = new ManualSchedule(config.bots(), clock);
        log.info(
                "Bridle started by hand: {} bots on {} accounts; runDue() runs what is due",
                config.bots().size(),
                accounts.size());
    }

    /**
     * Runs, on the caller's thread, what is due at the clock's now: each bot whose schedule has come, one poll of every
     * account's mentions and direct messages, then the deferred actions whose time has come. Returns how many bot runs
     * and deferred actions ran.
     *
     * @throws IllegalStateException unless started with {@link #startManually()}
     */
    public synchronized int runDue() {
        if (manual == null) {
            throw new IllegalStateException("runDue() runs a Bridle started by hand (startManually()), not one"
                    + " whose scheduler runs on its own threads");
        }
        int ran = 0;
        for (String bot : manual.due()) {
            runner.runScheduled(bot);
            ran++;
        }
        poller.pollMentions();
        poller.pollDirectMessages();
        return ran + deferred.runDue();
    }

    /** The bots, to run one now (tests, {@code bridle run --once}). */
    public BotRunner bots() {
        return runner;
    }

    /** Where inbound messages go, polled or pushed. */
    public InboundRouter inbound() {
        return inbound;
    }

    /** Polls inbound messages; {@link #start} runs it in the background. */
    public InboundPoller poller() {
        return poller;
    }

    /** The throttles; the platform adapter reports rate limits to their {@link Throttles#feedback()}. */
    public Throttles throttles() {
        return throttles;
    }

    /** The duplicate-content guard and its index. */
    public DuplicateGuard duplicates() {
        return duplicates;
    }

    /** Actions a throttle deferred, waiting for their time. */
    public DeferredActions deferred() {
        return deferred;
    }

    /** Consent records: grant, withdraw, look up, export. */
    public ConsentRegistry consents() {
        return consents;
    }

    /** Opt-out records. */
    public OptOutRegistry optOuts() {
        return optOuts;
    }

    /** The webhook endpoint, once {@link #start} has opened it (only when enabled). */
    public Optional<WebhookReceiver> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** The audit ledger. */
    public AuditLedger ledger() {
        return ledger;
    }

    /** The accounts, with their platform user ids. */
    public Map<String, Account> accounts() {
        return Map.copyOf(accounts);
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Stops the scheduler (letting running handlers finish), then closes the ledger and the store. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed", resources.get(i), e);
            }
        }
        resources.clear();
    }
}
