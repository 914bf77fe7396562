package dev.bridle.reliability;

import dev.bridle.guard.ActionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the race test saw, in one order: every event gets a sequence number and the {@link System#nanoTime()} at which
 * it happened. Events of one request are ordered by their sequence numbers (one request is dispatched by one thread at
 * a time, and the guard chain's worker hands its result back through a future, so its events happen before the caller
 * goes on); times on different threads are compared by {@code nanoTime}, which is monotonic across threads.
 *
 * <p>Where each time is read is what makes the comparison sound: an opt-out's time is read after the registry call
 * returned (or after a database read showed it), a final check's time before the check reads anything. A check whose
 * time is after an opt-out's began after that opt-out was durable, and must see it.
 */
final class RaceLog {

    /** One thing that happened. */
    sealed interface Event {
        long seq();

        long nanos();
    }

    /** The final checks of {@code request} began (the first guard of the final-check chain ran). */
    record CheckBegan(long seq, long nanos, UUID request) implements Event {}

    /** Every final check of {@code request} allowed it (the last guard of the chain ran). */
    record ChecksPassed(long seq, long nanos, UUID request) implements Event {}

    /** The dispatcher called the platform for {@code action}: its {@code attempt}-th call for that request. */
    record CallBegan(long seq, long nanos, ActionRequest action, int attempt) implements Event {}

    /** A platform call for {@code request} returned or threw; {@code outcome} says which. */
    record CallEnded(long seq, long nanos, UUID request, int attempt, String outcome) implements Event {}

    /** The dispatcher asked the platform whether {@code request} (or {@code null}: unknown) took effect. */
    record Reconciled(long seq, long nanos, UUID request) implements Event {}

    /**
     * The dispatcher asked to wait {@code asked} after a call for {@code request} ({@code null}: none on this thread).
     */
    record Waited(long seq, long nanos, UUID request, Duration asked, String raced) implements Event {}

    /** {@code userId}'s opt-out was acknowledged: recorded, and the call that recorded it returned. */
    record OptOutAcknowledged(long seq, long nanos, String userId, String handle, String how) implements Event {}

    private final AtomicLong seq = new AtomicLong();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

    private long next() {
        return seq.incrementAndGet();
    }

    void checkBegan(UUID request) {
        events.add(new CheckBegan(next(), System.nanoTime(), request));
    }

    void checksPassed(UUID request) {
        events.add(new ChecksPassed(next(), System.nanoTime(), request));
    }

    void callBegan(ActionRequest action, int attempt) {
        events.add(new CallBegan(next(), System.nanoTime(), action, attempt));
    }

    void callEnded(UUID request, int attempt, String outcome) {
        events.add(new CallEnded(next(), System.nanoTime(), request, attempt, outcome));
    }

    void reconciled(UUID request) {
        events.add(new Reconciled(next(), System.nanoTime(), request));
    }

    void waited(UUID request, Duration asked, String raced) {
        events.add(new Waited(next(), System.nanoTime(), request, asked, raced));
    }

    /** Call after the opt-out is durable and its call has returned: the time is read here. */
    void acknowledged(String userId, String handle, String how) {
        events.add(new OptOutAcknowledged(next(), System.nanoTime(), userId, handle, how));
    }

    /** Every event so far, in sequence order. */
    List<Event> events() {
        List<Event> all = new ArrayList<>(events);
        all.sort(Comparator.comparingLong(Event::seq));
        return all;
    }
}
