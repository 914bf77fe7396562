package dev.bridle.internal.runtime;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.config.OnThrottle;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.optout.QueuedActions;
import dev.bridle.internal.schedule.BotScheduler;
import dev.bridle.internal.schedule.DeferredActionRunner;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.throttle.DeferralLimits;
import dev.bridle.internal.throttle.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actions that wait, run again when their time comes: stored with their text, and scheduled as a one-off Quartz
 * trigger, so they survive a restart. When one fires it goes through the whole guard chain again as a fresh decision;
 * an opt-out that arrived meanwhile stops it there, and {@link #cancelTowards} removes it at once anyway.
 *
 * <p>Two kinds wait here. <b>Deferred</b> actions, which a throttle or the platform put off: the bot's
 * {@code onThrottle} says whether they are queued, and {@link DeferralLimits} bound the queue per bot and per account
 * and drop what would wait too long. A deferral is recorded in the ledger once; when a queued action is re-checked and
 * put off again, it only moves in the queue. <b>Owed</b> work, Bridle's compliance messages (an opt-out's one
 * confirmation): queued durably before its first try ({@link #sendOwed}), retried with a growing backoff after a
 * passing failure ({@link #retry}), never bounded, dropped or cancelled by an opt-out, so that it is sent or definitely
 * refused.
 *
 * <p>After a crash, {@link #recover} puts runs that were cut short back in the queue, settles the rows whose outcome
 * the ledger has, and schedules every waiting row again.
 */
public final class DeferredActions implements Deferral, DeferredActionRunner, QueuedActions {

    private static final Logger log = LoggerFactory.getLogger(DeferredActions.class);

    /** The first wait before owed work is tried again; each later wait doubles. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    /** The longest wait between two tries of owed work. */
    static final Duration MAX_RETRY = Duration.ofMinutes(15);

    private final DeferredActionStore store;
    private final ThrottleSettings settings;
    private final DeferralLimits limits;
    private final Clock clock;
    /** What this process is running now, each with whether it was queued by a deferral already recorded. */
    private final Map<UUID, Boolean> running = new ConcurrentHashMap<>();
    /** Held while a deferral counts the queue and adds to it, so this node never passes a bound. */
    private final Object bounds = new Object();

    private volatile ActionDispatcher dispatcher;
    private volatile BotScheduler scheduler;

    DeferredActions(Database db, ThrottleSettings settings, DeferralLimits limits, Clock clock) {
        this.store = new DeferredActionStore(db, clock);
        this.settings = settings;
        this.limits = limits;
        this.clock = clock;
    }

    /** Connects the parts built after this one: the dispatcher that runs actions, the scheduler that times them. */
    void attach(ActionDispatcher dispatcher, BotScheduler scheduler) {
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
    }

    @Override
    public Queueing defer(ActionRequest request, Instant until) {
        boolean owed = request.origin() == ActionOrigin.COMPLIANCE;
        UUID id = request.requestId();
        Instant latest = request.requestedAt().plus(limits.maxAge());
        try {
            if (Boolean.TRUE.equals(running.get(id))) {
                // a queued action re-checked and put off again: its deferral is recorded already
                if (!owed && until.isAfter(latest)) {
                    store.expire(id);
                    return new Queueing(
                            Queueing.Outcome.EXPIRED,
                            "it could not go before " + until + ", more than "
                                    + limits.maxAgeInWords() + " (throttles.deferred.maxAge) after the bot asked at "
                                    + request.requestedAt() + "; dropped");
                }
                queue(request, until);
                return new Queueing(Queueing.Outcome.REQUEUED, "still queued");
            }
            if (scheduler == null) {
                return new Queueing(Queueing.Outcome.NOT_QUEUED, "not queued: the scheduler is not running");
            }
            if (!owed && settings.onThrottleFor(request.botName()) == OnThrottle.DROP) {
                return new Queueing(
                        Queueing.Outcome.NOT_QUEUED,
                        "not queued: bot " + request.botName() + " drops throttled actions" + " (onThrottle: drop)");
            }
            if (!owed && until.isAfter(latest)) {
                return new Queueing(
                        Queueing.Outcome.NOT_QUEUED,
                        "not queued: it could not go before " + until + ", more than " + limits.maxAgeInWords()
                                + " (throttles.deferred.maxAge) after the bot asked");
            }
            DeferredActionStore.Waiting waiting;
            synchronized (bounds) {
                // an owed message on its first try has a row already: count the others, then this one
                waiting = store.waiting(request.botName(), request.account().handle(), id);
                if (!owed && waiting.bot() >= limits.maxPerBot()) {
                    return full(
                            waiting.bot() + " actions are waiting for bot " + request.botName(),
                            limits.maxPerBot(),
                            "throttles.deferred.maxPerBot");
                }
                if (!owed && waiting.account() >= limits.maxPerAccount()) {
                    return full(
                            waiting.account() + " actions are waiting for @"
                                    + request.account().handle(),
                            limits.maxPerAccount(),
                            "throttles.deferred.maxPerAccount");
                }
                store.putPending(request, until);
            }
            running.computeIfPresent(id, (k, v) -> Boolean.TRUE);
            schedule(id, until);
            return new Queueing(
                    Queueing.Outcome.QUEUED,
                    "queued: " + (waiting.bot() + 1) + " waiting for bot " + request.botName() + ", "
                            + (waiting.account() + 1) + " for @"
                            + request.account().handle());
        } catch (RuntimeException e) {
            log.error(
                    "could not queue {} of bot {} for {}; it is dropped", request.kind(), request.botName(), until, e);
            return new Queueing(
                    Queueing.Outcome.NOT_QUEUED,
                    "not queued: the queue could not store it (" + Errors.describe(e) + ")");
        }
    }

    private static Queueing full(String what, int most, String setting) {
        return new Queueing(
                Queueing.Outcome.NOT_QUEUED,
                "not queued: " + what + ", the most " + setting + " (" + most + ") allows");
    }

    @Override
    public Optional<Instant> retry(ActionRequest request) {
        if (request.origin() != ActionOrigin.COMPLIANCE || scheduler == null) {
            return Optional.empty();
        }
        try {
            Instant now = clock.instant();
            store.putPending(
                    request, now); // makes the row if the first try had none (the queue could not store it then)
            Instant at = now.plus(backoff(store.countAttempt(request.requestId())));
            queue(request, at);
            log.info(
                    "the compliance {} {} to {} is tried again at {}",
                    request.kind(),
                    request.requestId(),
                    request.targetUsers(),
                    at);
            return Optional.of(at);
        } catch (RuntimeException e) {
            log.error(
                    "could not queue the compliance {} {} to try again; it is lost",
                    request.kind(),
                    request.requestId(),
                    e);
            return Optional.empty();
        }
    }

    /** The wait before the {@code attempt}-th retry (from 1): 30 s, doubled each time, at most 15 minutes. */
    static Duration backoff(int attempt) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempt && wait.compareTo(MAX_RETRY) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private void queue(ActionRequest request, Instant at) {
        store.putPending(request, at);
        schedule(request.requestId(), at);
    }

    private void schedule(UUID id, Instant at) {
        BotScheduler s = scheduler;
        if (s != null) {
            s.scheduleDeferred(id.toString(), at);
        }
    }

    /**
     * Sends owed work (a compliance message): queued durably first, so that neither a crash nor a passing failure loses
     * it, then tried at once on this thread.
     */
    ActionResult sendOwed(ActionRequest request) {
        try {
            store.putOwed(request);
        } catch (RuntimeException e) {
            log.error(
                    "could not queue the compliance {} {}; trying it once without the queue",
                    request.kind(),
                    request.requestId(),
                    e);
            return dispatcher.dispatch(request);
        }
        return run(request.requestId())
                .orElseGet(() -> new ActionResult.Failed("claimed by another node before it ran here"));
    }

    @Override
    public void runDeferred(String requestId) {
        run(UUID.fromString(requestId)).ifPresent(result -> log.debug("deferred {}: {}", requestId, result.reason()));
    }

    /** Claims and runs a waiting action; empty if it is not waiting (cancelled, or run by another node). */
    private Optional<ActionResult> run(UUID id) {
        Optional<DeferredActionStore.Claimed> claimed = store.claim(id);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ActionRequest request = claimed.get().request();
        running.put(id, claimed.get().deferred());
        try {
            ActionResult result;
            Instant latest = request.requestedAt().plus(limits.maxAge());
            if (request.origin() != ActionOrigin.COMPLIANCE && clock.instant().isAfter(latest)) {
                store.expire(id);
                result = dispatcher.expire(
                        request,
                        "it waited past " + latest + ", more than " + limits.maxAgeInWords()
                                + " (throttles.deferred.maxAge) after the bot asked; dropped");
            } else {
                result = dispatcher.dispatch(request);
            }
            store.finish(id);
            return Optional.of(result);
        } finally {
            running.remove(id);
        }
    }

    /** Cancels every deferred action that would reach {@code userId}; returns how many. */
    @Override
    public int cancelTowards(String userId) {
        List<UUID> cancelled = store.cancelTowards(userId);
        BotScheduler s = scheduler;
        for (UUID id : cancelled) {
            if (s != null) {
                s.cancelDeferred(id.toString());
            }
        }
        if (!cancelled.isEmpty()) {
            log.info("cancelled {} deferred actions towards user {}", cancelled.size(), userId);
        }
        return cancelled.size();
    }

    /** What {@link #recover} did. */
    record Recovery(int resumed, int settled, int scheduled) {}

    /**
     * Settles the queue after a crash, before anything runs: each RUNNING row last touched at least {@code minAge} ago
     * (on a shared store, another node may be running a younger one) was cut short. By the last ledger row of its
     * request ({@code lastEvent}; start-up reconciliation has run first): no decision yet, or only its earlier
     * deferral, means it never reached the platform, and it is queued again; an outcome, or a decision still in doubt
     * (never re-sent), settles it. Owed work whose last try failed is queued again: a FAILED row means it did not take
     * effect. Then every PENDING row is scheduled again, for a trigger the crash may have lost.
     */
    Recovery recover(Function<UUID, Optional<LedgerEvent>> lastEvent, Duration minAge) {
        Instant now = clock.instant();
        int resumed = 0;
        int settled = 0;
        for (DeferredActionStore.Stuck stuck : store.running(now.minus(minAge))) {
            Optional<LedgerEvent> last = lastEvent.apply(stuck.requestId());
            boolean again = last.isEmpty()
                    || last.get() == LedgerEvent.DEFERRED
                    || (stuck.owed() && last.get() == LedgerEvent.FAILED);
            if (again) {
                store.reset(stuck.requestId(), now);
                resumed++;
            } else {
                store.finish(stuck.requestId());
                settled++;
            }
        }
        List<DeferredActionStore.Due> pending = store.pending();
        for (DeferredActionStore.Due due : pending) {
            schedule(due.requestId(), due.at().isBefore(now) ? now : due.at());
        }
        Recovery recovery = new Recovery(resumed, settled, pending.size());
        if (resumed + settled > 0) {
            log.warn(
                    "start-up: {} deferred actions were running when Bridle stopped: {} queued again, {} settled by the ledger",
                    resumed + settled,
                    resumed,
                    settled);
        }
        return recovery;
    }

    /**
     * Runs, on the caller's thread, every waiting action whose time has come, earliest first (for a Bridle run by hand,
     * whose scheduler does not fire them); returns how many ran.
     */
    int runDue() {
        Instant now = clock.instant();
        List<DeferredActionStore.Due> due = store.pending().stream()
                .filter(d -> !d.at().isAfter(now))
                .sorted(java.util.Comparator.comparing(DeferredActionStore.Due::at))
                .toList();
        int ran = 0;
        for (DeferredActionStore.Due d : due) {
            if (run(d.requestId()).isPresent()) {
                ran++;
            }
        }
        return ran;
    }

    /** How many actions are waiting now. */
    public int waiting() {
        return store.waiting();
    }

    /**
     * The state of a deferred action ({@code PENDING}, {@code RUNNING}, {@code DONE}, {@code CANCELLED},
     * {@code EXPIRED}), if any.
     */
    Optional<String> status(UUID requestId) {
        return store.status(requestId);
    }
}
