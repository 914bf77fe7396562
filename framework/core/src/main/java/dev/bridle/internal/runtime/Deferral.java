package dev.bridle.internal.runtime;

import dev.bridle.guard.ActionRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What happens to an action that has to wait: put off by a throttle or the platform, or owed and retried. */
interface Deferral {

    /** Queues nothing: the bot sees the deferral and may ask again later. */
    Deferral NEVER = new Deferral() {
        @Override
        public Queueing defer(ActionRequest request, Instant until) {
            return new Queueing(Queueing.Outcome.NOT_QUEUED, "not queued: this dispatcher keeps no queue");
        }

        @Override
        public Optional<Instant> retry(ActionRequest request) {
            return Optional.empty();
        }
    };

    /**
     * Queues {@code request} to go through the chain again at {@code until}, if the bot's {@code onThrottle} and the
     * queue's bounds allow. Called before the deferral is recorded, so the ledger row can say what became of it.
     */
    Queueing defer(ActionRequest request, Instant until);

    /**
     * Queues owed work (a compliance message) that failed for a passing reason (a guard that could not decide, a
     * platform that could not be reached) to be tried again after a backoff; returns when, or empty if it cannot be
     * queued.
     */
    Optional<Instant> retry(ActionRequest request);

    /**
     * What became of a deferral.
     *
     * @param outcome whether it was queued
     * @param note a clause for the ledger and the bot ("queued: 3 waiting for bot digest, 5 on @acme_news")
     */
    record Queueing(Outcome outcome, String note) {

        /** The four things that can happen to a deferral. */
        enum Outcome {
            /** Newly queued: it runs again at its time. */
            QUEUED,
            /** A queued action re-checked and put off again: still queued, and its deferral is already recorded. */
            REQUEUED,
            /** Not queued (the bot's onThrottle is drop, or the queue is full): the bot may ask again later. */
            NOT_QUEUED,
            /** A queued action that would wait past its maximum age: dropped. */
            EXPIRED
        }

        public Queueing {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(note, "note");
        }

        /** Whether Bridle will try it again by itself. */
        boolean queued() {
            return outcome == Outcome.QUEUED || outcome == Outcome.REQUEUED;
        }
    }
}
