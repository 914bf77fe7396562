package dev.bridle.runtime;

import com.google.inject.Module;
import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.JdbcAuditLedger;
import dev.bridle.bot.Account;
import dev.bridle.bot.Bot;
import dev.bridle.config.AccountConfig;
import dev.bridle.config.BotConfig;
import dev.bridle.config.BridleConfig;
import dev.bridle.config.Credentials;
import dev.bridle.config.Secret;
import dev.bridle.consent.ConsentRegistry;
import dev.bridle.guard.GuardChain;
import dev.bridle.platform.HandleResolver;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.schedule.BotInvoker;
import dev.bridle.schedule.BotScheduler;
import dev.bridle.store.BotStateStore;
import dev.bridle.store.Database;
import dev.bridle.store.JdbcBotStateStore;
import java.time.Clock;
import dev.bridle.inbound.InboundEvent;
import dev.bridle.inbound.InboundLog;
import dev.bridle.inbound.InboundPoller;
import dev.bridle.inbound.InboundRouter;
import dev.bridle.inbound.WebhookReceiver;
import dev.bridle.optout.ComplianceReplies;
import dev.bridle.optout.KeywordFile;
import dev.bridle.optout.KeywordMatcher;
import dev.bridle.optout.KeywordSet;
import dev.bridle.optout.OptOutFinalCheck;
import dev.bridle.optout.OptOutKeywordStep;
import dev.bridle.optout.OptOutRegistry;
import dev.bridle.optout.QueuedActions;
import java.util.Optional;
import java.util.function.Supplier;
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
    private final ContactSettings contact;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private Database database;
    private JdbcAuditLedger ledger;
    private GuardChain guards;
    private GuardChain finalChecks;
    private BotRunner runner;
    private BotScheduler scheduler;
    private InboundRouter inbound;
    private InboundPoller poller;
    private ConsentRegistry consents;
    private OptOutRegistry optOuts;
    private Secret webhookSecret;
    private WebhookReceiver webhook;

    private BridleRuntime(BridleConfig config, Platform platform, Clock clock, ContactSettings contact) {
        this.config = config;
        this.platform = platform;
        this.clock = clock;
        this.contact = contact;
    }

    /**
     * Opens the store, migrates it, checks every account with the platform, builds every bot and
     * the scheduler. Nothing runs until {@link #start}. On failure everything opened is closed.
     */
    public static BridleRuntime create(BridleConfig config, Platform platform, Clock clock,
                                       List<Module> extraModules, ClassLoader classLoader) {
        return create(config, platform, clock, extraModules, classLoader, ContactSettings.defaults(config.app().name()));
    }

    /** As {@link #create(BridleConfig, Platform, Clock, List, ClassLoader)}, with consent, opt-out and webhook settings. */
    public static BridleRuntime create(BridleConfig config, Platform platform, Clock clock,
                                       List<Module> extraModules, ClassLoader classLoader, ContactSettings contact) {
        BridleRuntime runtime = new BridleRuntime(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(contact, "contact"));
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
        consents = new ConsentRegistry(database, clock, contact.consent());
        optOuts = new OptOutRegistry(database, clock, contact.optOut(), consents);
        guards = track(new GuardChain(StandardGuards.chain(config, optOuts, consents, clock)));
        finalChecks = track(new GuardChain(List.of(new OptOutFinalCheck(optOuts))));
        ActionDispatcher dispatcher = new ActionDispatcher(guards, finalChecks, ledger, platform, clock);
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
        // The throttle's queue of deferred actions plugs in here, in place of QueuedActions.NONE.
        OptOutKeywordStep keywordStep = new OptOutKeywordStep(keywords(), optOuts, consents,
                new ComplianceReplies(dispatcher::dispatch, clock), QueuedActions.NONE);
        webhookSecret = contact.webhook().enabled() ? webhookSecret() : null;
        inbound = new InboundRouter(inboundLog, List.of(keywordStep), runner, subscribers(),
                accounts.values().stream().map(Account::userId).collect(Collectors.toSet()));
        poller = track(new InboundPoller(platform, inboundLog, inbound, accounts.values()));
        BotInvoker invoker = runner::runScheduled;
        scheduler = track(BotScheduler.builder()
                .database(database)
                .config(config.scheduler())
                .injector(factory.injector().createChildInjector(b -> b.bind(BotInvoker.class).toInstance(invoker)))
                .build());
    }

    /** The configured keyword file, reread when it changes; the shipped keywords if none is configured. */
    private Supplier<KeywordMatcher> keywords() {
        if (contact.optOut().keywordFile() == null) {
            KeywordMatcher shipped = KeywordMatcher.of(KeywordSet.defaults());
            return () -> shipped;
        }
        return OptOutKeywordStep.keywordsOf(KeywordFile.open(contact.optOut().keywordFile(), clock));
    }

    /** The consumer secret that signs webhook events: configured, else the accounts' (one app signs them all). */
    private Secret webhookSecret() {
        if (contact.webhook().consumerSecret() != null) {
            return contact.webhook().consumerSecret();
        }
        return config.accounts().stream().map(AccountConfig::credentials).filter(Objects::nonNull)
                .map(Credentials::consumerSecret).findFirst()
                .orElseThrow(() -> new IllegalStateException("the webhook is enabled but no consumer secret is configured: "
                        + "set the webhook's consumerSecret or give an account its credentials"));
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
        if (webhookSecret != null && webhook == null) {
            webhook = track(WebhookReceiver.start(contact.webhook(), webhookSecret, inbound::accept, accounts.values(), clock));
        }
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
