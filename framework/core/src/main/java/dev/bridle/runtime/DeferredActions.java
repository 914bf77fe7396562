package dev.bridle.runtime;

import dev.bridle.action.ActionRequest;
import dev.bridle.bot.ActionResult;
import dev.bridle.schedule.BotScheduler;
import dev.bridle.schedule.DeferredActionRunner;
import dev.bridle.store.Database;
import dev.bridle.throttle.OnThrottle;
import dev.bridle.throttle.ThrottleSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actions a throttle deferred, run again when their time comes: stored with their text, and
 * scheduled as a one-off Quartz trigger, so they survive a restart. When one fires it goes
 * through the whole guard chain again as a fresh decision; an opt-out that arrived meanwhile
 * stops it there, and {@link #cancelTowards} removes it at once anyway.
 *
 * <p>Whether an action is deferred or dropped is the bot's {@code onThrottle} policy.
 */
public final class DeferredActions implements Deferral, DeferredActionRunner {

    private static final Logger log = LoggerFactory.getLogger(DeferredActions.class);

    private final DeferredActionStore store;
    private final ThrottleSettings settings;
    private volatile ActionDispatcher dispatcher;
    private volatile BotScheduler scheduler;

    DeferredActions(Database db, ThrottleSettings settings, Clock clock) {
        this.store = new DeferredActionStore(db, clock);
        this.settings = settings;
    }

    /** Connects the parts built after this one: the dispatcher that runs actions, the scheduler that times them. */
    void attach(ActionDispatcher dispatcher, BotScheduler scheduler) {
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
    }

    @Override
    public boolean reschedule(ActionRequest request, Instant until) {
        if (settings.onThrottleFor(request.botName()) == OnThrottle.DROP || scheduler == null) {
            return false;
        }
        try {
            store.putPending(request, until);
            scheduler.scheduleDeferred(request.requestId().toString(), until);
            return true;
        } catch (RuntimeException e) {
            log.error("could not defer {} of bot {} to {}; it is dropped", request.kind(), request.botName(), until, e);
            return false;
        }
    }

    @Override
    public void runDeferred(String requestId) {
        UUID id = UUID.fromString(requestId);
        Optional<ActionRequest> claimed = store.claim(id);
        if (claimed.isEmpty()) {
            return; // cancelled by an opt-out, or run by another node
        }
        ActionResult result = dispatcher.dispatch(claimed.get());
        store.finish(id);
        log.debug("deferred {} of bot {}: {}", claimed.get().kind(), claimed.get().botName(), result.reason());
    }

    /** Cancels every deferred action that would reach {@code userId}; returns how many. */
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

    /** The state of a deferred action ({@code PENDING}, {@code RUNNING}, {@code DONE}, {@code CANCELLED}), if any. */
    Optional<String> status(UUID requestId) {
        return store.status(requestId);
    }
}
