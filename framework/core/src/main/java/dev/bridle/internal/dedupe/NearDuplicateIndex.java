package dev.bridle.internal.dedupe;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent posts of every account of the operator, in memory, for exact and near-duplicate lookup in microseconds.
 *
 * <p><b>Lookup.</b> Each post is filed under 20 MinHash band keys ({@link Bands}); a new text's candidates are the
 * posts sharing a band key with it, and each candidate is scored exactly with {@link Similarity}. Exact duplicates
 * share every band, so they are always found.
 *
 * <p><b>Atomic.</b> {@link #reserve} checks and inserts under one lock: of two threads reserving the same or
 * near-identical text at the same moment, the second sees the first. Fingerprints and band keys are computed before the
 * lock is taken, so it is held for the lookup and insert only. A lock per band was considered: a near-duplicate can
 * meet its match in any of the 20 bands, so a check would have to take all its band locks in order, for little gain.
 * Measured on the bench machine (bench/RESULTS.md), the global lock allows some 14,000 checks a second against 100,000
 * posts; a second thread adds nothing, and both are far above any platform's posting limits.
 *
 * <p><b>Bounded.</b> Posts older than the policy's window are dropped (checked lazily on every call, by an injected
 * {@link Clock}); above {@code maxEntries} the oldest post is evicted and counted in {@link #evictions()}, and
 * duplicates of it are no longer caught, so size the cap for the window. A stored post takes about 340 bytes (measured
 * at a million posts), 80 of them in a table sized for {@code maxEntries} and allocated up front.
 *
 * <p>Long for a class in this project, on purpose: posts live in parallel arrays of primitives (no object per post),
 * with the band chains, the free list, the expiry queue and the request-id table that index into those arrays. They
 * only make sense together, and split apart they would pass the arrays between classes.
 */
public final class NearDuplicateIndex {

    /** The default cap on stored posts. */
    public static final int DEFAULT_MAX_ENTRIES = 250_000;

    /** The largest cap accepted. */
    public static final int MAX_ENTRIES_LIMIT = 20_000_000;

    private static final Logger log = LoggerFactory.getLogger(NearDuplicateIndex.class);

    private static final int INITIAL_SLOTS = 1024;
    private static final int MAX_HEADS = 1 << 21;
    private static final int WITHDRAWN_MEMORY = 10_000;
    private static final byte LIVE = 1;
    private static final byte DIRECT = 2;
    /** Added from the store (another node's post, or the start-up read), not reserved by this index. */
    private static final byte COPIED = 4;

    private final DuplicatePolicy policy;
    private final Clock clock;
    private final int maxEntries;
    private final ReentrantLock lock = new ReentrantLock();

    // One post per slot, in parallel arrays: no object per post.
    private long[] exact;
    private long[] reqHi;
    private long[] reqLo;
    private long[] atMillis;
    private long[] platformNumber;
    private int[] account;
    private int[] generation;
    private int[] seen;
    private byte[] flags;
    private int[][] features;
    private int[] next;
    private final Map<Integer, String> platformText = new HashMap<>();

    private final int[] heads;
    private final int headMask;

    private int[] idTable;
    private int idCount;

    private int slotsUsed;
    private int[] free = new int[16];
    private int freeCount;
    private long[] queue = new long[INITIAL_SLOTS];
    private int queueHead;
    private int queueSize;

    private final Map<String, Integer> accountIds = new HashMap<>();
    private final List<String> accountNames = new java.util.ArrayList<>();
    /** Released before their reservation arrived: the reservation is refused when it does. */
    private final Map<UUID, Boolean> withdrawn = boundedIdSet();
    /** Released after they were held: a store read that still sees their row does not add them back. */
    private final Map<UUID, Boolean> released = boundedIdSet();

    private int live;
    private long featureBytes;
    private long evictions;
    private long candidates;
    private int stamp;

    /**
     * @param policy the window and what denies
     * @param maxEntries the most posts kept; the oldest is evicted beyond it
     * @param clock the time, for the window's edge
     */
    public NearDuplicateIndex(DuplicatePolicy policy, int maxEntries, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES_LIMIT) {
            throw new IllegalArgumentException("maxEntries must be 1 to " + MAX_ENTRIES_LIMIT + ", not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        int headsPerBand = Math.min(MAX_HEADS, Integer.highestOneBit(Math.max(maxEntries, 2) - 1) << 1);
        this.heads = new int[Bands.BANDS * headsPerBand];
        Arrays.fill(heads, -1);
        this.headMask = headsPerBand - 1;
        allocate(Math.min(INITIAL_SLOTS, maxEntries));
        this.idTable = new int[Integer.highestOneBit(Math.max(4, 2 * exact.length - 1)) << 1];
    }

    /** The policy this index decides by. */
    public DuplicatePolicy policy() {
        return policy;
    }

    /** The most posts kept; the oldest is evicted beyond it. */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * Checks {@code post} against every post in the window and, if none denies it under the policy, stores it, all
     * under one lock. A copy of the same request taken from the store ({@link #add}) is replaced: the request is
     * reserving again, here, so its own earlier reservation does not count against it (a deferred action another node
     * released runs here).
     *
     * @throws IllegalStateException if this index reserved the same request already and it was not released
     */
    public ReserveResult reserve(StoredPost post) {
        int[] keys = Bands.keys(post.fingerprint());
        lock.lock();
        try {
            long now = clock.millis();
            expire(now);
            if (withdrawn.remove(post.requestId()) != null) {
                return new ReserveResult.Withdrawn();
            }
            int held = find(post.requestId());
            if (held >= 0 && (flags[held] & COPIED) == 0) {
                throw new IllegalStateException("request " + post.requestId() + " is already reserved");
            }
            if (held >= 0) {
                remove(held);
            }
            released.remove(post.requestId()); // reserved again (a deferred action running later): it counts again
            Optional<Match> match = bestDenying(post.fingerprint(), post.channel(), post.account(), keys, now);
            if (match.isPresent()) {
                return new ReserveResult.Refused(match.get());
            }
            insert(post, keys);
            return new ReserveResult.Reserved();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores {@code post} without checking it, as a copy: for the rebuild at start-up and for posts other nodes
     * reserved. A post already held, withdrawn, released here (until the store's record of that release is
     * {@link #forget forgotten}), or older than the window is ignored.
     *
     * @return whether it was added
     */
    public boolean add(StoredPost post) {
        int[] keys = Bands.keys(post.fingerprint());
        lock.lock();
        try {
            long now = clock.millis();
            if (post.at().toEpochMilli() <= cutoff(now)
                    || withdrawn.containsKey(post.requestId())
                    || released.containsKey(post.requestId())
                    || find(post.requestId()) >= 0) {
                return false;
            }
            insert(post, keys);
            flags[find(post.requestId())] |= COPIED;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets {@code requestId} because its reservation was released on a store this index shares with other nodes: a
     * copy {@link #add added} from the store is removed, and a release here that {@link #release} remembered is now
     * known to the store, so a later copy of the same request (reserved again, by any node) is added. A reservation
     * this index made itself stays: the release read from the store is an older one.
     *
     * @return whether a copy was removed
     */
    public boolean forget(UUID requestId) {
        lock.lock();
        try {
            released.remove(requestId);
            int slot = find(requestId);
            if (slot < 0 || (flags[slot] & COPIED) == 0) {
                return false;
            }
            remove(slot);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The earlier post that would deny {@code fingerprint} from {@code account} now, if any; reserves nothing. */
    public Optional<Match> check(Fingerprint fingerprint, Channel channel, String account) {
        int[] keys = Bands.keys(fingerprint);
        lock.lock();
        try {
            long now = clock.millis();
            expire(now);
            return bestDenying(fingerprint, channel, account, keys, now);
        } finally {
            lock.unlock();
        }
    }

    /** Records that the reserved post went out as {@code platformId}. */
    public boolean confirm(UUID requestId, String platformId) {
        lock.lock();
        try {
            int slot = find(requestId);
            if (slot < 0) {
                return false;
            }
            setPlatformId(slot, platformId);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives up the reservation of {@code requestId}. The id is remembered (the last 10,000): if its reservation has not
     * arrived yet (its guard is still running after the chain gave up on it), it is refused when it does; if it had, a
     * read of the store that still saw its row does not add it back, and the same request may reserve again later (a
     * deferred action, run at its time).
     *
     * @return whether a reservation was removed
     */
    public boolean release(UUID requestId) {
        lock.lock();
        try {
            int slot = find(requestId);
            if (slot < 0) {
                withdrawn.put(requestId, Boolean.TRUE);
                return false;
            }
            released.put(requestId, Boolean.TRUE);
            remove(slot);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code requestId} holds a reservation. */
    public boolean contains(UUID requestId) {
        lock.lock();
        try {
            return find(requestId) >= 0;
        } finally {
            lock.unlock();
        }
    }

    /** Drops the posts that have left the window. */
    public void expire() {
        lock.lock();
        try {
            expire(clock.millis());
        } finally {
            lock.unlock();
        }
    }

    /** Visits every stored post, oldest first, under the lock; for diagnostics and tests. */
    public void forEach(Consumer<StoredPost> visitor) {
        lock.lock();
        try {
            for (int i = 0; i < queueSize; i++) {
                long q = queue[(queueHead + i) % queue.length];
                int slot = (int) q;
                if ((flags[slot] & LIVE) != 0 && generation[slot] == (int) (q >>> 32)) {
                    visitor.accept(post(slot));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many posts are stored. */
    public int size() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    /** How many posts were dropped before leaving the window because the cap was reached. */
    public long evictions() {
        lock.lock();
        try {
            return evictions;
        } finally {
            lock.unlock();
        }
    }

    /** How many stored posts have been scored as candidates, over all checks so far: the work LSH leaves. */
    public long candidatesExamined() {
        lock.lock();
        try {
            return candidates;
        } finally {
            lock.unlock();
        }
    }

    /** The bytes held by the index's arrays and fingerprints, counted from their lengths. */
    public long estimatedBytes() {
        lock.lock();
        try {
            long perSlot = 8L * 5 + 4 * 3 + 1 + 4 /* feature array reference */ + 4L * Bands.BANDS;
            return (long) exact.length * perSlot
                    + featureBytes
                    + 4L * heads.length
                    + 4L * idTable.length
                    + 8L * queue.length
                    + 4L * free.length;
        } finally {
            lock.unlock();
        }
    }

    // ---- under the lock

    private Optional<Match> bestDenying(Fingerprint fp, Channel channel, String handle, int[] keys, long now) {
        long cutoff = cutoff(now);
        int accountId = accountIds.getOrDefault(handle.toLowerCase(Locale.ROOT), -1);
        boolean direct = channel == Channel.DIRECT;
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int best = -1;
        double bestScore = 0;
        boolean bestExact = false;
        // an exact match ends the search: nothing scores higher, and any exact earlier post will do to name
        for (int b = 0; b < Bands.BANDS && !bestExact; b++) {
            for (int s = heads[b * (headMask + 1) + (keys[b] & headMask)];
                    s >= 0 && !bestExact;
                    s = next[s * Bands.BANDS + b]) {
                if (seen[s] == stamp) {
                    continue;
                }
                seen[s] = stamp;
                candidates++;
                if ((flags[s] & LIVE) == 0 || ((flags[s] & DIRECT) != 0) != direct || atMillis[s] <= cutoff) {
                    continue;
                }
                boolean isExact = exact[s] == fp.exactHash();
                double score = isExact ? 1.0 : Similarity.weightedJaccard(features[s], fp.features());
                boolean near = score >= policy.threshold();
                if (!policy.denies(isExact, near, account[s] == accountId)) {
                    continue;
                }
                boolean better = best < 0
                        || (isExact && !bestExact)
                        || (isExact == bestExact
                                && (score > bestScore || (score == bestScore && atMillis[s] < atMillis[best])));
                if (better) {
                    best = s;
                    bestScore = score;
                    bestExact = isExact;
                }
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(new Match(post(best), bestScore, bestExact, account[best] == accountId));
    }

    private void insert(StoredPost post, int[] keys) {
        if (live >= maxEntries) {
            evictOldest();
        }
        int slot = allocateSlot();
        UUID id = post.requestId();
        exact[slot] = post.fingerprint().exactHash();
        reqHi[slot] = id.getMostSignificantBits();
        reqLo[slot] = id.getLeastSignificantBits();
        atMillis[slot] = post.at().toEpochMilli();
        account[slot] = accountId(post.account());
        flags[slot] = (byte) (LIVE | (post.channel() == Channel.DIRECT ? DIRECT : 0));
        features[slot] = post.fingerprint().features();
        featureBytes += 16 + 4L * features[slot].length;
        setPlatformId(slot, post.platformId());
        for (int b = 0; b < Bands.BANDS; b++) {
            int h = b * (headMask + 1) + (keys[b] & headMask);
            next[slot * Bands.BANDS + b] = heads[h];
            heads[h] = slot;
        }
        idPut(slot);
        enqueue(slot);
        live++;
    }

    private void remove(int slot) {
        int[] keys = Bands.keys(Fingerprint.ofParts(exact[slot], features[slot]));
        for (int b = 0; b < Bands.BANDS; b++) {
            int h = b * (headMask + 1) + (keys[b] & headMask);
            int prev = -1;
            for (int s = heads[h]; s >= 0; prev = s, s = next[s * Bands.BANDS + b]) {
                if (s == slot) {
                    if (prev < 0) {
                        heads[h] = next[s * Bands.BANDS + b];
                    } else {
                        next[prev * Bands.BANDS + b] = next[s * Bands.BANDS + b];
                    }
                    break;
                }
            }
        }
        idRemove(slot);
        featureBytes -= 16 + 4L * features[slot].length;
        features[slot] = null;
        flags[slot] = 0;
        platformText.remove(slot);
        generation[slot]++;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
        live--;
    }

    private void expire(long now) {
        long cutoff = cutoff(now);
        while (queueSize > 0) {
            long q = queue[queueHead];
            int slot = (int) q;
            boolean current = (flags[slot] & LIVE) != 0 && generation[slot] == (int) (q >>> 32);
            if (current && atMillis[slot] > cutoff) {
                return;
            }
            dequeue();
            if (current) {
                remove(slot);
            }
        }
    }

    private void evictOldest() {
        while (queueSize > 0) {
            long q = queue[queueHead];
            dequeue();
            int slot = (int) q;
            if ((flags[slot] & LIVE) != 0 && generation[slot] == (int) (q >>> 32)) {
                remove(slot);
                if (evictions++ == 0) {
                    log.warn(
                            "the duplicate index is full ({} posts); the oldest posts are dropped before they leave the {} window, "
                                    + "so duplicates of them are no longer caught. Raise the cap (duplicates.maxPosts in bridle.yaml).",
                            maxEntries,
                            policy.window());
                }
                return;
            }
        }
    }

    /** Posts at or before this instant have left the window: it is {@code (now - window, now]}. */
    private long cutoff(long now) {
        return now - policy.window().toMillis();
    }

    private StoredPost post(int slot) {
        String platformId = platformText.containsKey(slot)
                ? platformText.get(slot)
                : platformNumber[slot] == 0 ? null : Long.toString(platformNumber[slot]);
        return new StoredPost(
                new UUID(reqHi[slot], reqLo[slot]),
                accountNames.get(account[slot]),
                (flags[slot] & DIRECT) != 0 ? Channel.DIRECT : Channel.PUBLIC,
                Fingerprint.ofParts(exact[slot], features[slot]),
                Instant.ofEpochMilli(atMillis[slot]),
                platformId);
    }

    /** X's ids are decimal numbers below 2^63: kept as a long; anything else in a side map. */
    private void setPlatformId(int slot, String platformId) {
        platformText.remove(slot);
        platformNumber[slot] = 0;
        if (platformId == null) {
            return;
        }
        long number = decimal(platformId);
        if (number > 0) {
            platformNumber[slot] = number;
        } else {
            platformText.put(slot, platformId);
        }
    }

    /** The value of a decimal number without leading zeros that fits a long, or -1. */
    private static long decimal(String s) {
        if (s.isEmpty() || s.length() > 19 || s.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1; // 19 digits above Long.MAX_VALUE
        }
    }

    private int accountId(String handle) {
        String key = handle.toLowerCase(Locale.ROOT);
        Integer id = accountIds.get(key);
        if (id == null) {
            id = accountNames.size();
            accountIds.put(key, id);
            accountNames.add(handle);
        }
        return id;
    }

    // ---- slots

    private int allocateSlot() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (slotsUsed == exact.length) {
            allocate(Math.min(maxEntries, exact.length * 2));
        }
        return slotsUsed++;
    }

    private void allocate(int n) {
        exact = exact == null ? new long[n] : Arrays.copyOf(exact, n);
        reqHi = reqHi == null ? new long[n] : Arrays.copyOf(reqHi, n);
        reqLo = reqLo == null ? new long[n] : Arrays.copyOf(reqLo, n);
        atMillis = atMillis == null ? new long[n] : Arrays.copyOf(atMillis, n);
        platformNumber = platformNumber == null ? new long[n] : Arrays.copyOf(platformNumber, n);
        account = account == null ? new int[n] : Arrays.copyOf(account, n);
        generation = generation == null ? new int[n] : Arrays.copyOf(generation, n);
        seen = seen == null ? new int[n] : Arrays.copyOf(seen, n);
        flags = flags == null ? new byte[n] : Arrays.copyOf(flags, n);
        features = features == null ? new int[n][] : Arrays.copyOf(features, n);
        next = next == null ? new int[n * Bands.BANDS] : Arrays.copyOf(next, n * Bands.BANDS);
    }

    private void enqueue(int slot) {
        if (queueSize == queue.length) {
            // drop the entries of released posts first; grow only if the live ones fill it
            int kept = 0;
            long[] grown = new long[queueSize > 2 * live ? queue.length : queue.length * 2];
            for (int i = 0; i < queueSize; i++) {
                long q = queue[(queueHead + i) % queue.length];
                int s = (int) q;
                if ((flags[s] & LIVE) != 0 && generation[s] == (int) (q >>> 32)) {
                    grown[kept++] = q;
                }
            }
            queue = grown;
            queueHead = 0;
            queueSize = kept;
        }
        queue[(queueHead + queueSize) % queue.length] = ((long) generation[slot] << 32) | slot;
        queueSize++;
    }

    private void dequeue() {
        queueHead = (queueHead + 1) % queue.length;
        queueSize--;
    }

    // ---- request id -> slot: open addressing with linear probing, slot + 1 stored, 0 empty

    private int find(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        int mask = idTable.length - 1;
        for (int i = idHash(hi, lo) & mask; idTable[i] != 0; i = (i + 1) & mask) {
            int slot = idTable[i] - 1;
            if (reqHi[slot] == hi && reqLo[slot] == lo) {
                return slot;
            }
        }
        return -1;
    }

    private void idPut(int slot) {
        if (2 * (idCount + 1) > idTable.length) {
            int[] old = idTable;
            idTable = new int[old.length * 2];
            idCount = 0;
            for (int entry : old) {
                if (entry != 0) {
                    idPut(entry - 1);
                }
            }
        }
        int mask = idTable.length - 1;
        int i = idHash(reqHi[slot], reqLo[slot]) & mask;
        while (idTable[i] != 0) {
            i = (i + 1) & mask;
        }
        idTable[i] = slot + 1;
        idCount++;
    }

    private void idRemove(int slot) {
        int mask = idTable.length - 1;
        int i = idHash(reqHi[slot], reqLo[slot]) & mask;
        while (idTable[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every probe sequence unbroken
        int gap = i;
        for (int j = (gap + 1) & mask; idTable[j] != 0; j = (j + 1) & mask) {
            int s = idTable[j] - 1;
            int home = idHash(reqHi[s], reqLo[s]) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                idTable[gap] = idTable[j];
                gap = j;
            }
        }
        idTable[gap] = 0;
        idCount--;
    }

    private static int idHash(long hi, long lo) {
        long h = Hashing.mix64(hi ^ Long.rotateLeft(lo, 32));
        return (int) (h ^ (h >>> 32));
    }

    private static Map<UUID, Boolean> boundedIdSet() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > WITHDRAWN_MEMORY;
            }
        };
    }
}
