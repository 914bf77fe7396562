package dev.bridle.throttle;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;

/** Bucket4j configuration from {@link Limit}s: one greedy bandwidth per limit. */
final class Buckets {

    private Buckets() {
    }

    static BucketConfiguration configuration(List<Limit> limits) {
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (Limit limit : limits) {
            builder.addLimit(bandwidth(limit));
        }
        return builder.build();
    }

    static Bandwidth bandwidth(Limit limit) {
        // Greedy refill: one token every per/count rather than all of them at the end of the
        // window, so after the first burst actions are spread out, never bunched at a boundary.
        return Bandwidth.builder().capacity(limit.count()).refillGreedy(limit.count(), limit.per()).build();
    }

    /** Takes one token from {@code bucket}: taken, or refused with the wait until one is back. */
    static BucketStore.Take takeOne(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? BucketStore.Take.granted()
                : BucketStore.Take.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long an unused bucket takes to be full again, after which forgetting it changes nothing. */
    static Duration refillTime(List<Limit> limits) {
        return limits.stream().map(Limit::per).max(Duration::compareTo).orElseThrow();
    }

    /** A stable version number for a set of limits, so a shared bucket picks up changed limits. */
    static long version(List<Limit> limits) {
        long h = 1125899906842597L;
        for (Limit l : limits) {
            h = 31 * h + l.count();
            h = 31 * h + l.per().toNanos();
        }
        return h & Long.MAX_VALUE;
    }
}
