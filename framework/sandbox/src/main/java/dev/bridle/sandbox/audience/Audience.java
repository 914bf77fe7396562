package dev.bridle.sandbox.audience;

import java.util.List;

/**
 * A running {@link AudienceScript}. Nothing happens by itself: {@link #tick()} performs what is due on the sandbox
 * clock (tests advance their clock and tick; the standalone sandbox ticks every second).
 */
public interface Audience {

    /** Performs the steps and reactions that are due; returns what was done, one line each. */
    List<String> tick();

    /** Everything done so far, one line each. */
    List<String> log();

    /** The script being run. */
    AudienceScript script();
}
