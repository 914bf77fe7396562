package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.bot.Bot;
import dev.bridle.internal.aggregate.AggregateRules;
import dev.bridle.internal.aggregate.JdbcAggregateSeries;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigPrinter;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.identity.GuardedIdentities;
import dev.bridle.internal.identity.IdentityLinkStore;
import dev.bridle.internal.identity.LinkBasisCheck;
import dev.bridle.internal.identity.UnlinkOnConsentEnd;
import dev.bridle.internal.inbound.InboundClaims;
import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.InboundRouter;
import dev.bridle.internal.node.AppRegistry;
import dev.bridle.internal.node.ConfigFingerprint;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.people.DeletedContent;
import dev.bridle.internal.people.FactScreen;
import dev.bridle.internal.people.ForgetOnConsentEnd;
import dev.bridle.internal.people.LexiconFactScreen;
import dev.bridle.internal.people.PersonFacts;
import dev.bridle.internal.people.ScreenedPeople;
import dev.bridle.internal.platform.HandleResolver;
import dev.bridle.internal.read.ReadPlan;
import dev.bridle.internal.read.WatchQueryScreen;
import dev.bridle.internal.schedule.BotInvoker;
import dev.bridle.internal.schedule.BotScheduler;
import dev.bridle.internal.schedule.DeferredActionRunner;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.BotStateStore;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.JdbcBotStateStore;
import dev.bridle.platform.Platform;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a runtime's parts from a {@link BridleConfig}, in the order they depend on each other: the store (migrated
 * before anything reads it), the node registry, the ledger (its anchor checked before anything appends), the plan's
 * rules, the deferred queue, the platform (connected after the throttles exist, so its rate-limit headers feed them),
 * the plan, the dispatcher, the accounts verified, the bots, the inbound path ({@link InboundAssembly}) and the
 * scheduler. What was opened is closed again if any step fails.
 */
final class RuntimeAssembly {

    private static final Logger log = LoggerFactory.getLogger(RuntimeAssembly.class);

    private final BridleConfig config;
    private final Clock clock;
    private final RuntimeOptions options;
    private final ContactSettings contact;
    private final OpenResources resources = new OpenResources();

    private RuntimeAssembly(BridleConfig config, Clock clock, RuntimeOptions options) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.contact = options.contact(config);
    }

    /** The runtime {@code config} describes, its parts built and what an earlier run left unfinished settled. */
    static BridleRuntime assemble(BridleConfig config, PlatformSource platform, Clock clock, RuntimeOptions options) {
        Objects.requireNonNull(platform, "platform");
        RuntimeAssembly assembly = new RuntimeAssembly(config, clock, options);
        try {
            RuntimeParts parts = assembly.parts(platform);
            RuntimeStartup startup = new RuntimeStartup(parts, assembly.resources);
            startup.settleUnfinished();
            return new BridleRuntime(parts, startup, assembly.resources);
        } catch (RuntimeException e) {
            assembly.resources.close();
            throw e;
        }
    }

    private RuntimeParts parts(PlatformSource source) {
        Database database = resources.track(Database.open(config.store()));
        database.migrate();
        // One app per use case (issue 14, 3): an app that ran here as another environment does not start
        config.accounts().stream()
                .filter(a -> a.credentials() != null)
                .findFirst()
                .ifPresent(a -> new AppRegistry(database, clock)
                        .starting(
                                a.credentials().consumerKey().reveal(),
                                config.environment(),
                                config.app().name()));
        // Several nodes (issue 11, 5b): this process's row and heartbeat; refuses to run beside a live node configured
        // otherwise
        NodeRegistry node =
                resources.track(NodeRegistry.join(database, ConfigFingerprint.of(ConfigPrinter.print(config)), clock));
        JdbcAuditLedger ledger = resources.track(JdbcAuditLedger.open(database));
        ledger.checkAnchor(); // before anything appends: a ledger that does not match its anchor does not start
        PlanRules rules = PlanRules.open(config, database, clock, contact, false);
        PersonFacts personFacts = new PersonFacts(database, clock);
        // an opt-out withdraws consent, and so forgets too
        ForgetOnConsentEnd.attach(rules.consents, personFacts, config.botsKeepingProvided());
        IdentityLinkStore identityLinks = new IdentityLinkStore(database, clock);
        UnlinkOnConsentEnd.attach(rules.consents, identityLinks);
        Housekeeping housekeeping = resources.track(new Housekeeping());
        rules.addPurges(housekeeping);
        DeferredActions deferred = new DeferredActions(
                database, config.throttles().settings(), config.throttles().deferred(), clock);
        Platform platform = source.connect(rules.throttles.feedback());
        if (platform instanceof AutoCloseable closeable) {
            resources.track(closeable);
        }
        RuntimeHooks hooks = options.hooks();
        DecisionPlan plan = resources.track(
                DecisionPlan.of(config, rules, new HandleResolver(platform, clock), clock, hooks.finalChecks()));
        ActionDispatcher dispatcher = new ActionDispatcher(
                plan.chain(), plan.finalChecks(), ledger, platform, clock, rules.health, hooks.retry(), deferred);
        Map<String, Account> accounts = new AccountVerification(platform, rules.health).verify(config.accounts());

        DeletedContent deletedContent = new DeletedContent(rules.consents, rules.optOuts, personFacts);
        housekeeping.add(
                "content deleted on the platform",
                new DeletedContentCheck(
                        deletedContent,
                        platform,
                        () -> accounts.values().stream()
                                .filter(a -> a.userId() != null)
                                .findFirst()
                                .orElse(null)));
        BotFactory factory = new BotFactory(config, clock, options.modules(), options.classLoader());
        Recognisers recognisers = Recognisers.of(config, clock);
        PurposeWarnings.of(config, recognisers).forEach(w -> log.warn("{}", w));
        FactScreen screen = new LexiconFactScreen(recognisers::facts);
        ReadPlan reads = ReadPlan.standard(new WatchQueryScreen(recognisers::watch), rules.health);
        BotRunner runner = bots(
                factory,
                new JdbcBotStateStore(database, clock),
                accounts,
                dispatcher,
                ledger,
                new BotData(
                        database,
                        personFacts,
                        screen,
                        reads,
                        platform,
                        rules.health,
                        identityLinks,
                        new LinkBasisCheck(
                                rules.consents,
                                (handle, message, user) -> InboundClaims.receivedFrom(database, handle, message, user),
                                clock)));
        InboundAssembly inboundParts = new InboundAssembly(config, contact, clock, database, node);
        InboundRouter inbound = inboundParts.router(rules, deferred, runner, accounts);
        Secret webhookSecret = contact.webhook().enabled() ? inboundParts.webhookSecret() : null;
        InboundPoller poller = resources.track(inboundParts.poller(platform, inbound, accounts));
        BotInvoker invoker = runner::runScheduled;
        BotScheduler scheduler = resources.track(BotScheduler.builder()
                .database(database)
                .config(config.scheduler())
                .instanceName(hooks.schedulerName())
                .injector(factory.injector().createChildInjector(b -> {
                    b.bind(BotInvoker.class).toInstance(invoker);
                    b.bind(DeferredActionRunner.class).toInstance(deferred);
                }))
                .build());
        deferred.attach(dispatcher, scheduler);
        return new RuntimeParts(
                config,
                clock,
                contact,
                database,
                node,
                ledger,
                rules,
                platform,
                plan,
                accounts,
                runner,
                inbound,
                poller,
                scheduler,
                housekeeping,
                deferred,
                webhookSecret);
    }

    /** What bots keep beside their state: facts about people (screened), identity links (checked) and aggregates. */
    private record BotData(
            Database database,
            PersonFacts facts,
            FactScreen screen,
            ReadPlan reads,
            Platform platform,
            AccountHealth health,
            IdentityLinkStore identityLinks,
            LinkBasisCheck linkCheck) {}

    /** Every configured bot, given as an instance or built by Guice, with its context on its account. */
    private BotRunner bots(
            BotFactory factory,
            BotStateStore state,
            Map<String, Account> accounts,
            ActionDispatcher dispatcher,
            JdbcAuditLedger ledger,
            BotData data) {
        Map<String, Bot> instances = options.bots();
        List<BotRunner.RunningBot> bots = new ArrayList<>();
        for (BotConfig bot : config.bots()) {
            Account account = accounts.get(bot.account().toLowerCase(Locale.ROOT));
            Bot instance = instances.containsKey(bot.name())
                    ? instances.get(bot.name())
                    : factory.build(bot.name(), bot.className());
            DispatchingActions actions = new DispatchingActions(bot.name(), account, dispatcher, clock);
            bots.add(new BotRunner.RunningBot(
                    bot.name(),
                    instance,
                    RuntimeBotContext.of(
                            bot.name(),
                            account,
                            clock,
                            new StoredBotState(bot.name(), state, data.screen()),
                            actions,
                            new ScreenedPeople(
                                    bot.name(),
                                    bot.account(),
                                    bot.purposesUnder(config.app()),
                                    data.screen(),
                                    data.facts(),
                                    (handle, message, user) ->
                                            InboundClaims.receivedFrom(data.database(), handle, message, user),
                                    ledger,
                                    clock),
                            new GuardedIdentities(
                                    bot.name(),
                                    bot.account(),
                                    bot.purposesUnder(config.app()),
                                    data.linkCheck(),
                                    data.identityLinks(),
                                    ledger,
                                    clock),
                            new AggregateRules(new JdbcAggregateSeries(data.database(), bot.name())),
                            new GuardedReads(
                                    bot.name(),
                                    account,
                                    bot.purposesUnder(config.app()),
                                    data.reads(),
                                    data.platform(),
                                    ledger,
                                    clock,
                                    data.health()))));
        }
        return new BotRunner(bots, ledger, clock);
    }
}
