package dev.bridle.internal.schedule;

/**
 * Runs a deferred action when its time comes. The runtime implements it: the action goes through the whole guard chain
 * again, so an opt-out that arrived meanwhile still stops it.
 */
public interface DeferredActionRunner {

    /** Runs the deferred action {@code requestId}; does nothing if it was cancelled or already run. */
    void runDeferred(String requestId) throws Exception;
}
