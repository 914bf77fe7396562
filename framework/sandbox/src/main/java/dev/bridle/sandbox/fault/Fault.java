package dev.bridle.sandbox.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * What the sandbox does to one request instead of (or before) answering it normally.
 *
 * <ul>
 *   <li>{@link Latency}: wait, then answer normally;
 *   <li>{@link Status}: answer with that HTTP status (5xx or 429) and the platform's body for it, nothing changes;
 *   <li>{@link PlatformError}: answer with a given status and error code (e.g. 403 / 226), nothing changes;
 *   <li>{@link DropBefore}: close the connection without an answer; nothing changed;
 *   <li>{@link DropAfter}: make the change, then close the connection without an answer, so the client cannot tell
 *       whether it happened (the case an in-doubt action must be reconciled for);
 *   <li>{@link None}: answer normally (a pass in a scripted sequence).
 * </ul>
 */
public sealed interface Fault {

    /** Waits {@code delay}, then answers normally. */
    record Latency(Duration delay) implements Fault {
        public Latency {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + delay);
            }
        }
    }

    /** Answers with an HTTP status: 500, 502, 503, 504 or 429. */
    record Status(int status) implements Fault {
        public Status {
            if (status != 429 && (status < 500 || status > 599)) {
                throw new IllegalArgumentException("a status fault is 429 or 5xx, was " + status);
            }
        }
    }

    /** Answers with an HTTP status and a platform error code, e.g. 403 with 226 (looks automated). */
    record PlatformError(int status, int code, String message) implements Fault {
        public PlatformError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error fault needs a 4xx or 5xx status, was " + status);
            }
            Objects.requireNonNull(message, "message");
        }
    }

    /** Drops the connection before the request changes anything. */
    record DropBefore() implements Fault {}

    /** Drops the connection after the request changed the sandbox's state. */
    record DropAfter() implements Fault {}

    /** No fault: the request is answered normally. */
    record None() implements Fault {}

    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    static Fault status(int status) {
        return new Status(status);
    }

    static Fault tooManyRequests() {
        return new Status(429);
    }

    static Fault serviceUnavailable() {
        return new Status(503);
    }

    static Fault error(int status, int code, String message) {
        return new PlatformError(status, code, message);
    }

    /** 403 with code 226, the platform's "this request looks like it might be automated". */
    static Fault looksAutomated() {
        return new PlatformError(
                403,
                226,
                "This request looks like it might be automated. To protect our users "
                        + "from spam and other malicious activity, we can't complete this action right now. "
                        + "Please try again later.");
    }

    static Fault dropBefore() {
        return new DropBefore();
    }

    static Fault dropAfter() {
        return new DropAfter();
    }

    static Fault none() {
        return new None();
    }
}
