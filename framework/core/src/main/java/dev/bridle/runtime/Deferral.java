package dev.bridle.runtime;

import dev.bridle.action.ActionRequest;
import java.time.Instant;

/** What happens to an action deferred by a throttle or the platform's limits. */
interface Deferral {

    /** Drops every deferred action: the bot sees the deferral and may ask again later. */
    Deferral NEVER = (request, until) -> false;

    /** Schedules {@code request} to go through the chain again at {@code until}, if the bot's policy says so; returns whether it did. */
    boolean reschedule(ActionRequest request, Instant until);
}
