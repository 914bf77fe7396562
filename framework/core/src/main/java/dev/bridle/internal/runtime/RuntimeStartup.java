package dev.bridle.internal.runtime;

import dev.bridle.internal.inbound.WebhookReceiver;
import dev.bridle.internal.schedule.ManualSchedule;
import dev.bridle.internal.store.Dialect;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an assembled runtime. First, before any bot can act, what an earlier run left unfinished is settled
 * ({@link #settleUnfinished}): actions the ledger shows allowed without an outcome are looked up on the platform and
 * re-sent never ({@link InDoubtRecovery}), and the deferred actions still queued are scheduled again. Then either the
 * threads are started ({@link #start}: the scheduler with every bot's schedule, the inbound poller, housekeeping, the
 * webhook when enabled), or nothing runs until the caller asks ({@link #startManually}, {@link #runDue}: the test kit's
 * manual scheduling, on the caller's thread).
 */
final class RuntimeStartup {

    private static final Logger log = LoggerFactory.getLogger(BridleRuntime.class);

    /**
     * On a shared PostgreSQL store another node may be sending an action right now: start-up reconciliation leaves
     * decisions younger than this to it.
     */
    static final Duration SHARED_STORE_RECOVERY_MIN_AGE = Duration.ofMinutes(5);

    private final RuntimeParts parts;
    private final OpenResources resources;
    private WebhookReceiver webhook;
    private ManualSchedule manual;

    RuntimeStartup(RuntimeParts parts, OpenResources resources) {
        this.parts = parts;
        this.resources = resources;
    }

    /**
     * Settles what the ledger shows allowed but never finished (a crash, or an outcome in doubt; re-sending nothing),
     * then queues again the deferred actions a stopped process left waiting.
     */
    void settleUnfinished() {
        new InDoubtRecovery(parts.ledger(), new Reconciler(parts.platform()), parts.accounts(), parts.clock())
                .recover(
                        parts.ledger().unsettled(parts.clock().instant().minus(InDoubtRecovery.WINDOW)),
                        recoveryMinAge());
        parts.deferred()
                .recover(id -> parts.ledger().last(id).map(e -> e.record().event()), recoveryMinAge());
    }

    /**
     * How old an unfinished decision must be for start-up to settle it: on a shared store, another node may be on a
     * younger one.
     */
    private Duration recoveryMinAge() {
        return parts.database().dialect() == Dialect.H2 ? Duration.ZERO : SHARED_STORE_RECOVERY_MIN_AGE;
    }

    /** Schedules every bot as configured and starts the scheduler, the poller, housekeeping and the webhook. */
    synchronized void start() {
        parts.scheduler().sync(parts.config().bots());
        parts.scheduler().start();
        parts.poller()
                .start(
                        parts.config().inbound().pollMentionsEvery(),
                        parts.config().inbound().pollDirectMessagesEvery());
        parts.housekeeping().start();
        if (parts.webhookSecret() != null && webhook == null) {
            webhook = resources.track(WebhookReceiver.start(
                    parts.contact().webhook(),
                    parts.webhookSecret(),
                    parts.inbound()::accept,
                    parts.accounts().values(),
                    parts.clock()));
        }
        log.info(
                "Bridle started: {} bots on {} accounts, environment {}, app {}{}",
                parts.config().bots().size(),
                parts.accounts().size(),
                parts.config().environment(),
                parts.config().app().name(),
                parts.config().dryRun() ? ", DRY RUN" : "");
    }

    /**
     * Starts without the scheduler's, the poller's and housekeeping's threads: nothing runs until {@link #runDue()}.
     */
    synchronized void startManually() {
        manual = new ManualSchedule(parts.config().bots(), parts.clock());
        log.info(
                "Bridle started by hand: {} bots on {} accounts; runDue() runs what is due",
                parts.config().bots().size(),
                parts.accounts().size());
    }

    /**
     * Runs, on the caller's thread, each bot whose schedule has come, one poll of every account's mentions and direct
     * messages, then the deferred actions whose time has come; returns how many bot runs and deferred actions ran.
     */
    synchronized int runDue() {
        if (manual == null) {
            throw new IllegalStateException("runDue() runs a Bridle started by hand (startManually()), not one"
                    + " whose scheduler runs on its own threads");
        }
        int ran = 0;
        for (String bot : manual.due()) {
            parts.bots().runScheduled(bot);
            ran++;
        }
        parts.poller().pollMentions();
        parts.poller().pollDirectMessages();
        return ran + parts.deferred().runDue();
    }

    /** The webhook endpoint, once {@link #start} has opened it (only when enabled). */
    synchronized Optional<WebhookReceiver> webhook() {
        return Optional.ofNullable(webhook);
    }
}
