package dev.bridle.internal.throttle;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;

/**
 * Bucket4j configuration from {@link Limit}s: one greedy bandwidth per limit.
 *
 * <p>Each bandwidth is named by its span ({@code "PT1H"}), so that when a bucket's limits change Bucket4j carries each
 * window's state over to the window of the same span: with
 * {@link io.github.bucket4j.TokensInheritanceStrategy#ADDITIVE} a raised limit keeps what was used in that window, a
 * lowered one keeps what was left (at most its new capacity), and a window that is new starts full. Without names
 * Bucket4j matches a bucket of several windows by nothing and refills it completely on any change (checked against
 * Bucket4j 8.14).
 */
final class Buckets {

    private Buckets() {}

    static BucketConfiguration configuration(List<Limit> limits) {
        return configuration(limits, null);
    }

    /** As above, each window starting with {@code tokens[i]} tokens instead of full; {@code null} for full. */
    static BucketConfiguration configuration(List<Limit> limits, long[] tokens) {
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (int i = 0; i < limits.size(); i++) {
            builder.addLimit(bandwidth(limits, i, tokens == null ? -1 : tokens[i]));
        }
        return builder.build();
    }

    private static Bandwidth bandwidth(List<Limit> limits, int i, long tokens) {
        Limit limit = limits.get(i);
        // Greedy refill: one token every per/count rather than all of them at the end of the
        // window, so after the first burst actions are spread out, never bunched at a boundary.
        var stage = Bandwidth.builder()
                .capacity(limit.count())
                .refillGreedy(limit.count(), limit.per())
                .id(id(limits, i));
        return tokens < 0 ? stage.build() : stage.initialTokens(tokens).build();
    }

    /** The window's name: its span, and its place if an earlier limit has the same span. */
    private static String id(List<Limit> limits, int i) {
        Duration per = limits.get(i).per();
        for (int j = 0; j < i; j++) {
            if (limits.get(j).per().equals(per)) {
                return per + "#" + i;
            }
        }
        return per.toString();
    }

    /** Takes one token from {@code bucket}: taken, or refused with the wait until one is back. */
    static BucketStore.Take takeOne(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? BucketStore.Take.granted()
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
