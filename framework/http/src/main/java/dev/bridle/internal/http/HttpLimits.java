package dev.bridle.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one {@link BoundedHttpServer} lets its clients hold, and for how long.
 *
 * <p>The deadlines are totals, not idle times: a client that sends one byte every few seconds would reset an idle timer
 * for ever, but not a total.
 *
 * @param workers the threads that read requests and run handlers
 * @param queue the requests that may wait for a worker; beyond it a request is answered 503 by a spare thread, or, when
 *     that one is busy too, its connection is closed
 * @param headerTimeout from the moment a worker takes a request until its request line and headers are read; past it
 *     the connection is closed
 * @param bodyTimeout for reading the body, and again for writing the answer; past it the connection is closed
 */
public record HttpLimits(int workers, int queue, Duration headerTimeout, Duration bodyTimeout) {

    /**
     * Ten seconds for the headers, and ten for the body: a client on this machine or behind the operator's proxy sends
     * a request of a megabyte in milliseconds, so ten seconds is three orders of magnitude of slack, and bounds how
     * long one stalled client holds a worker.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker, not " + workers);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("the queue holds 0 or more requests, not " + queue);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts are positive, not " + headerTimeout + " and " + bodyTimeout);
        }
    }

    /** {@code workers} threads, a queue of four requests per worker, and the default timeouts. */
    public static HttpLimits of(int workers) {
        return new HttpLimits(workers, 4 * workers, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    /** The same limits with other timeouts (tests use short ones). */
    public HttpLimits withTimeouts(Duration header, Duration body) {
        return new HttpLimits(workers, queue, header, body);
    }
}
