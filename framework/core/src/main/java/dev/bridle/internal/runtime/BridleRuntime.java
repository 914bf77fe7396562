package dev.bridle.internal.runtime;

import dev.bridle.audit.AuditLedger;
import dev.bridle.bot.Account;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.dedupe.DuplicateGuard;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.InboundRouter;
import dev.bridle.internal.inbound.WebhookReceiver;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.people.PersonFacts;
import dev.bridle.internal.throttle.Throttles;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Bridle assembled from configuration ({@link RuntimeAssembly}) and started ({@link RuntimeStartup}): its parts, and
 * closing them in the right order. Internal: applications use {@code dev.bridle.Bridle}.
 */
public final class BridleRuntime implements AutoCloseable {

    private final RuntimeParts parts;
    private final RuntimeStartup startup;
    private final OpenResources resources;

    BridleRuntime(RuntimeParts parts, RuntimeStartup startup, OpenResources resources) {
        this.parts = parts;
        this.startup = startup;
        this.resources = resources;
    }

    /**
     * Opens the store, migrates it, connects the platform, checks every account with it, builds every bot and the
     * scheduler, and settles what an earlier run left unfinished. Nothing runs until {@link #start} (or
     * {@link #startManually}). On failure everything opened is closed.
     *
     * @param platform how the platform is connected ({@link PlatformSource#of} for one already connected)
     * @param clock the clock every part reads
     * @param options the optional inputs ({@link RuntimeOptions#defaults()} for none)
     */
    public static BridleRuntime create(
            BridleConfig config, PlatformSource platform, Clock clock, RuntimeOptions options) {
        return RuntimeAssembly.assemble(config, platform, clock, options);
    }

    /**
     * The decision plan {@code config} makes, for people (each step, its rule, its budget; then the final checks),
     * assembled by the same code as a running runtime's, on a scratch in-memory store: nothing of the configured store
     * is read or written and no platform is called.
     */
    public static List<String> describePlan(BridleConfig config) {
        return DecisionPlan.describe(Objects.requireNonNull(config, "config"));
    }

    /** What in {@code config} deserves a second look though it is allowed: the app's free-text purpose, read. */
    public static List<String> warnings(BridleConfig config) {
        return PurposeWarnings.of(Objects.requireNonNull(config, "config"));
    }

    /** Schedules every bot as configured and starts the scheduler, the inbound poller and housekeeping. */
    public void start() {
        startup.start();
    }

    /**
     * Starts without the scheduler's, the poller's and housekeeping's threads: nothing runs until {@link #runDue()} is
     * called, on the caller's thread. For tests that move the clock by hand.
     */
    public void startManually() {
        startup.startManually();
    }

    /**
     * Runs, on the caller's thread, what is due at the clock's now: each bot whose schedule has come, one poll of every
     * account's mentions and direct messages, then the deferred actions whose time has come. Returns how many bot runs
     * and deferred actions ran.
     *
     * @throws IllegalStateException unless started with {@link #startManually()}
     */
    public int runDue() {
        return startup.runDue();
    }

    /** This process among the nodes sharing the store: its id, its heartbeat, who else is alive. */
    public NodeRegistry node() {
        return parts.node();
    }

    /** Which accounts are paused, and which kinds of action are over a daily limit. */
    public AccountHealth accountHealth() {
        return parts.rules().health;
    }

    /** The clock every part reads. */
    public Clock clock() {
        return parts.clock();
    }

    /** The plan this runtime decides by (tests compare it with the one {@link #describePlan} prints). */
    DecisionPlan plan() {
        return parts.plan();
    }

    /** The bots, to run one now (tests, {@code bridle run --once}). */
    public BotRunner bots() {
        return parts.bots();
    }

    /** Where inbound messages go, polled or pushed. */
    public InboundRouter inbound() {
        return parts.inbound();
    }

    /** Polls inbound messages; {@link #start} runs it in the background. */
    public InboundPoller poller() {
        return parts.poller();
    }

    /** The throttles; the platform adapter reports rate limits to their {@link Throttles#feedback()}. */
    public Throttles throttles() {
        return parts.rules().throttles;
    }

    /** The duplicate-content guard and its index. */
    public DuplicateGuard duplicates() {
        return parts.rules().duplicates;
    }

    /** Actions a throttle deferred, waiting for their time. */
    public DeferredActions deferred() {
        return parts.deferred();
    }

    /** Consent records: grant, withdraw, look up, export. */
    public ConsentRegistry consents() {
        return parts.rules().consents;
    }

    /** Opt-out records. */
    public OptOutRegistry optOuts() {
        return parts.rules().optOuts;
    }

    /** The webhook endpoint, once {@link #start} has opened it (only when enabled). */
    public Optional<WebhookReceiver> webhook() {
        return startup.webhook();
    }

    /** The audit ledger. */
    public AuditLedger ledger() {
        return parts.ledger();
    }

    /** The facts bots hold about people, in this runtime's store. */
    public PersonFacts personFacts() {
        return new PersonFacts(parts.database(), parts.clock());
    }

    /** The accounts, with their platform user ids. */
    public Map<String, Account> accounts() {
        return Map.copyOf(parts.accounts());
    }

    /**
     * Closes what was opened, in the reverse order: the webhook, the scheduler (letting running handlers finish), the
     * poller, the plan, the platform, housekeeping, the ledger, the node's row and, last, the store.
     */
    @Override
    public void close() {
        resources.close();
    }
}
