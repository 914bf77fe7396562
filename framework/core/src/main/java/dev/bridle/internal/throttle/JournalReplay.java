package dev.bridle.internal.throttle;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketState;
import io.github.bucket4j.MathType;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out, from the {@link TakeJournal}'s rows, the state each in-memory bucket is in now, so that
 * {@link LocalBucketStore#restore} can put it back at start-up, before any bot runs.
 *
 * <p>Each row holds a copy of its bucket's whole state right after one take, at that take's own time; Bucket4j refills
 * it to now (a take 50 minutes ago under "1 per hour" leaves a bucket with 10 minutes to go). On one node the latest
 * row of a key is its bucket's state exactly: it includes every take before it, and a token given back later only
 * deleted that take's own rows. So the latest row is restored as it is, fraction of a token and all. If another row of
 * the key says less is left in some window (rows of several nodes on one PostgreSQL store with {@code buckets: memory},
 * each with its own bucket), the bucket comes back with the fewest whole tokens any row says, window by window: never
 * more permissive than any node's bucket was, at the cost of the fractions.
 *
 * <p>Why the state, not a replay of the takes: replaying takes from a full bucket at the start of the longest window
 * forgets what was used before it. A bot held at its limit (deferred, one action per refill, for longer than a window)
 * keeps its bucket empty; replayed from full, that bucket would come back almost full, and the bot would send an extra
 * burst after each restart.
 *
 * <p>Rows written under other limits than the key's latest row (the configuration changed between runs) are carried
 * over to the latest limits as a live bucket is, with {@link TokensInheritanceStrategy#ADDITIVE}; the store carries the
 * restored bucket over again on its first take if the configuration has changed since.
 */
final class JournalReplay {

    /**
     * The rows of one key so far: the latest, and for each set of limits seen, the fewest whole tokens any row leaves
     * now.
     */
    private static final class Key {
        TakeJournal.Entry latest;
        final Map<List<Limit>, long[]> fewest = new HashMap<>(2);
    }

    private final long now;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private int rows;

    /** A replay of rows up to {@code now}. */
    JournalReplay(Instant now) {
        this.now = TokenBucket.nanos(now);
    }

    /** Adds one row; keeps only what the result needs, so the rows are read as a stream. */
    void add(TakeJournal.Entry row) {
        rows++;
        Key key = keys.computeIfAbsent(row.key(), k -> new Key());
        if (key.latest == null || row.left().at().isAfter(key.latest.left().at())) {
            key.latest = row;
        }
        key.fewest.merge(row.limits(), wholeTokens(now(row, row.limits())), JournalReplay::fewest);
    }

    /** How many rows were added. */
    int rows() {
        return rows;
    }

    /** Every bucket that is not full now, as it is now. */
    Map<String, TokenBucket> restored() {
        Map<String, TokenBucket> restored = new LinkedHashMap<>();
        keys.forEach((name, key) -> {
            List<Limit> limits = key.latest.limits();
            BucketState latestNow = now(key.latest, limits);
            long[] latestTokens = wholeTokens(latestNow);
            long[] fewest = latestTokens;
            for (Map.Entry<List<Limit>, long[]> e : key.fewest.entrySet()) {
                long[] tokens = e.getKey().equals(limits)
                        ? e.getValue()
                        : wholeTokens(carriedOver(fromWholeTokens(e.getKey(), e.getValue()), limits));
                fewest = fewest(fewest, tokens);
            }
            BucketState state =
                    java.util.Arrays.equals(fewest, latestTokens) ? latestNow : fromWholeTokens(limits, fewest);
            if (!full(limits, state)) {
                restored.put(name, new TokenBucket(state, limits));
            }
        });
        return restored;
    }

    /** The row's state refilled to now, under {@code limits}. */
    private BucketState now(TakeJournal.Entry row, List<Limit> limits) {
        BucketState state = row.left().state().copy();
        state.setConfiguration(
                row.left().state().getConfiguration() != null
                        ? row.left().state().getConfiguration()
                        : Buckets.configuration(row.limits()));
        state.refillAllBandwidth(now);
        return row.limits().equals(limits) ? state : carriedOver(state, limits);
    }

    private BucketState carriedOver(BucketState state, List<Limit> limits) {
        return state.replaceConfiguration(Buckets.configuration(limits), TokensInheritanceStrategy.ADDITIVE, now);
    }

    private static long[] fewest(long[] a, long[] b) {
        long[] min = a.clone();
        for (int i = 0; i < min.length; i++) {
            min[i] = Math.min(min[i], b[i]);
        }
        return min;
    }

    private static long[] wholeTokens(BucketState state) {
        long[] tokens = new long[state.getConfiguration().getBandwidths().length];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = state.getCurrentSize(i);
        }
        return tokens;
    }

    private BucketState fromWholeTokens(List<Limit> limits, long[] tokens) {
        long[] capped = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            capped[i] = Math.max(0, Math.min(tokens[i], limits.get(i).count()));
        }
        return BucketState.createInitialState(Buckets.configuration(limits, capped), MathType.INTEGER_64_BITS, now);
    }

    private static boolean full(List<Limit> limits, BucketState state) {
        Bandwidth[] windows = state.getConfiguration().getBandwidths();
        for (int i = 0; i < windows.length; i++) {
            if (state.getCurrentSize(i) < limits.get(i).count()) {
                return false;
            }
        }
        return true;
    }
}
