package dev.bridle.internal.throttle;

import dev.bridle.guard.ActionRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens each pending request holds, for the bucket guards: taken in {@code check}, given back on release, kept on
 * confirm. A request takes from all its buckets or from none. What it took from in-memory buckets goes to
 * {@link PendingTakes}, for the journal.
 */
final class BucketReservations {

    private static final Logger log = LoggerFactory.getLogger(BucketReservations.class);

    /** One bucket a request takes a token from. */
    record Slot(String key, List<Limit> limits) {}

    /** The bucket at {@code index} had no token; the action may go at {@code until}. */
    record Refusal(int index, Instant until) {}

    private final BucketStore store;
    private final PendingTakes pending;
    private final Clock clock;
    private final ConcurrentMap<UUID, List<Slot>> held = new ConcurrentHashMap<>();

    BucketReservations(BucketStore store, PendingTakes pending, Clock clock) {
        this.store = store;
        this.pending = pending;
        this.clock = clock;
    }

    /** Takes a token from every slot, or from none; {@code null} when all were taken. */
    Refusal take(ActionRequest request, List<Slot> slots) {
        List<Slot> taken = new ArrayList<>(slots.size());
        BucketStore.Snapshot[] left = new BucketStore.Snapshot[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            BucketStore.Take take;
            try {
                take = store.tryTake(slot.key(), slot.limits());
            } catch (RuntimeException e) {
                giveBack(taken);
                throw e;
            }
            if (!take.taken()) {
                giveBack(taken);
                return new Refusal(i, clock.instant().plus(take.retryAfter()));
            }
            taken.add(slot);
            left[i] = take.left();
        }
        for (int i = 0; i < slots.size(); i++) {
            pending.add(request.requestId(), slots.get(i).key(), slots.get(i).limits(), left[i]);
        }
        if (!taken.isEmpty()) {
            held.merge(request.requestId(), taken, (a, b) -> {
                List<Slot> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        return null;
    }

    /** Gives back what {@code request} holds, if anything. */
    void release(ActionRequest request) {
        List<Slot> slots = held.remove(request.requestId());
        if (slots != null) {
            pending.discard(request.requestId());
            giveBack(slots);
        }
    }

    /** Keeps what {@code request} holds: the action was sent or may have been. */
    void confirm(ActionRequest request) {
        held.remove(request.requestId());
    }

    /** How many requests hold tokens now; for tests. */
    int pending() {
        return held.size();
    }

    private void giveBack(List<Slot> slots) {
        for (Slot slot : slots) {
            try {
                store.giveBack(slot.key(), slot.limits());
            } catch (RuntimeException e) {
                // Keeping a token we meant to give back only makes the limit stricter for a while.
                log.warn(
                        "could not give back a throttle token to {}; the limit stays a little stricter until it refills",
                        slot.key(),
                        e);
            }
        }
    }
}
