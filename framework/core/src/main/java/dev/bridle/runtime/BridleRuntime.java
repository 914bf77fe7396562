package dev.bridle.runtime;

import com.google.inject.Module;
import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.JdbcAuditLedger;
import dev.bridle.bot.Account;
import dev.bridle.bot.Bot;
import dev.bridle.config.BotConfig;
import dev.bridle.config.BridleConfig;
import dev.bridle.guard.GuardChain;
import dev.bridle.platform.HandleResolver;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.schedule.BotInvoker;
import dev.bridle.schedule.BotScheduler;
import dev.bridle.schedule.DeferredActionRunner;
import dev.bridle.store.Dialect;
import dev.bridle.throttle.JdbcAnsweredInteractions;
import dev.bridle.throttle.JdbcFollowHistory;
import dev.bridle.throttle.LocalBucketStore;
import dev.bridle.throttle.PostgresBucketStore;
import dev.bridle.throttle.ThrottleSettings;
import dev.bridle.throttle.Throttles;
import dev.bridle.store.BotStateStore;
import dev.bridle.store.Database;
import dev.bridle.store.JdbcBotStateStore;
import java.time.Clock;
import dev.bridle.inbound.InboundEvent;
import dev.bridle.inbound.InboundLog;
import dev.bridle.inbound.InboundPoller;
import dev.bridle.inbound.InboundRouter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Bridle, assembled from configuration: the store and ledger, the guard chain, the
 * dispatcher, the bots and their scheduler. Internal: applications use {@code dev.bridle.Bridle}.
 */
public final class BridleRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BridleRuntime.class);

    private final BridleConfig config;
    private final Platform platform;
    private final Clock clock;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private Database database;
    private JdbcAuditLedger ledger;
    private GuardChain guards;
    private GuardChain finalChecks;
    private BotRunner runner;
    private BotScheduler scheduler;
    private InboundRouter inbound;
    private Throttles throttles;
    private DeferredActions deferred;
    private InboundPoller poller;

    private BridleRuntime(BridleConfig config, Platform platform, Clock clock) {
        this.config = config;
        this.platform = platform;
        this.clock = clock;
    }

    /**
     * Opens the store, migrates it, checks every account with the platform, builds every bot and
     * the scheduler. Nothing runs until {@link #start}. On failure everything opened is closed.
     */
    public static BridleRuntime create(BridleConfig config, Platform platform, Clock clock,
                                       List<Module> extraModules, ClassLoader classLoader) {
        BridleRuntime runtime = new BridleRuntime(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(clock, "clock"));
        try {
            runtime.assemble(extraModules, classLoader);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void assemble(List<Module> extraModules, ClassLoader classLoader) {
        database = track(Database.open(config.store()));
        database.migrate();
        ledger = track(JdbcAuditLedger.open(database));
        BotStateStore state = new JdbcBotStateStore(database, clock);
        ThrottleSettings throttleSettings = ThrottleSettings.defaults();
        throttles = Throttles.create(throttleSettings, clock,
                database.dialect() == Dialect.POSTGRES ? new PostgresBucketStore(database.dataSource(), clock) : new LocalBucketStore(clock),
                new JdbcFollowHistory(database.dataSource(), clock), new JdbcAnsweredInteractions(database.dataSource()));
        guards = track(new GuardChain(StandardGuards.chain(config, throttles.guards())));
        finalChecks = track(new GuardChain(List.of()));
        deferred = new DeferredActions(database, throttleSettings, clock);
        ActionDispatcher dispatcher = new ActionDispatcher(guards, finalChecks, ledger, platform, clock, deferred);
        HandleResolver handles = new HandleResolver(platform, clock);
        verifyAccounts();

        BotFactory factory = new BotFactory(config, clock, extraModules, classLoader);
        List<BotRunner.RunningBot> bots = new ArrayList<>();
        for (BotConfig bot : config.bots()) {
            Account account = accounts.get(bot.account().toLowerCase(Locale.ROOT));
            Bot instance = factory.build(bot.name(), bot.className());
            DispatchingActions actions = new DispatchingActions(bot.name(), account, dispatcher, handles, clock);
            bots.add(new BotRunner.RunningBot(bot.name(), instance,
                    RuntimeBotContext.of(bot.name(), account, clock, new StoredBotState(bot.name(), state), actions)));
        }
        runner = new BotRunner(bots, ledger, clock);
        InboundLog inboundLog = new InboundLog(database, clock);
        inbound = new InboundRouter(inboundLog, List.of(), runner, subscribers(),
                accounts.values().stream().map(Account::userId).collect(Collectors.toSet()));
        poller = track(new InboundPoller(platform, inboundLog, inbound, accounts.values()));
        BotInvoker invoker = runner::runScheduled;
        scheduler = track(BotScheduler.builder()
                .database(database)
                .config(config.scheduler())
                .injector(factory.injector().createChildInjector(b -> {
                    b.bind(BotInvoker.class).toInstance(invoker);
                    b.bind(DeferredActionRunner.class).toInstance(deferred);
                }))
                .build());
        deferred.attach(dispatcher, scheduler);
    }

    /** For each inbound kind, account handle to the bots that handle it. */
    private Map<InboundEvent.Kind, Map<String, List<String>>> subscribers() {
        Map<InboundEvent.Kind, Map<String, List<String>>> subscribers = new EnumMap<>(InboundEvent.Kind.class);
        for (BotConfig bot : config.bots()) {
            for (BotConfig.Inbound kind : bot.inbound()) {
                InboundEvent.Kind event = kind == BotConfig.Inbound.MENTIONS ? InboundEvent.Kind.MENTION : InboundEvent.Kind.DIRECT_MESSAGE;
                subscribers.computeIfAbsent(event, k -> new LinkedHashMap<>())
                        .computeIfAbsent(bot.account().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(bot.name());
            }
        }
        return subscribers;
    }

    private void verifyAccounts() {
        for (var account : config.accounts()) {
            try {
                Account verified = platform.verifyCredentials(new Account(account.handle(), null));
                accounts.put(account.handle().toLowerCase(Locale.ROOT), verified);
            } catch (PlatformException e) {
                throw new IllegalStateException("account @" + account.handle() + " could not be verified with the platform: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Schedules every bot as configured and starts the scheduler. */
    public void start() {
        scheduler.sync(config.bots());
        scheduler.start();
        poller.start(InboundPoller.DEFAULT_MENTIONS_EVERY, InboundPoller.DEFAULT_MESSAGES_EVERY);
        log.info("Bridle started: {} bots on {} accounts, environment {}, app {}{}", config.bots().size(),
                accounts.size(), config.environment(), config.app().name(), config.dryRun() ? ", DRY RUN" : "");
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

    /** Actions a throttle deferred, waiting for their time. */
    public DeferredActions deferred() {
        return deferred;
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
