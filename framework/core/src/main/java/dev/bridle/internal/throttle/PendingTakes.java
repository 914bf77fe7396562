package dev.bridle.internal.throttle;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The takes from in-memory buckets that a request's check has made so far and that are not yet in the
 * {@link TakeJournal}: the bucket guards add to it, and {@link JournalGuard}, last of the throttles, writes them all in
 * one statement. A request refused before then takes nothing, so its entries are discarded with its tokens.
 */
final class PendingTakes {

    /** For buckets that need no journal (shared PostgreSQL buckets, tests): keeps nothing. */
    static final PendingTakes NONE = new PendingTakes(false);

    private final boolean keeping;
    private final ConcurrentMap<UUID, List<TakeJournal.Entry>> pending = new ConcurrentHashMap<>();

    private PendingTakes(boolean keeping) {
        this.keeping = keeping;
    }

    /** Pending takes for a journal. */
    static PendingTakes forJournal() {
        return new PendingTakes(true);
    }

    /**
     * {@code request} took a token from {@code key}, which then held {@code left}; nothing if {@code left} is unknown.
     */
    void add(UUID request, String key, List<Limit> limits, BucketStore.Snapshot left) {
        if (!keeping || left == null) {
            return;
        }
        TakeJournal.Entry entry = new TakeJournal.Entry(key, limits, left);
        pending.compute(request, (id, entries) -> {
            List<TakeJournal.Entry> all = entries == null ? new ArrayList<>(4) : entries;
            all.add(entry);
            return all;
        });
    }

    /** Removes and returns what {@code request} has taken since its last drain; empty if nothing. */
    List<TakeJournal.Entry> drain(UUID request) {
        List<TakeJournal.Entry> entries = keeping ? pending.remove(request) : null;
        return entries == null ? List.of() : entries;
    }

    /** Forgets what {@code request} has taken: its tokens went back. */
    void discard(UUID request) {
        if (keeping) {
            pending.remove(request);
        }
    }

    /** How many requests have takes waiting; for tests. */
    int size() {
        return pending.size();
    }
}
