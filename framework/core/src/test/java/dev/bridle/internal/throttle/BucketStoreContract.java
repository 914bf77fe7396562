package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link BucketStore} does; each store's test extends it. */
abstract class BucketStoreContract {

    static final List<Limit> TWO_PER_MINUTE_FIVE_PER_HOUR =
            List.of(Limit.of(2, Duration.ofMinutes(1)), Limit.of(5, Duration.ofHours(1)));

    final MutableClock clock = MutableClock.at(T0);

    abstract BucketStore store();

    @Test
    void aBucketHandsOutItsCapacityThenSaysExactlyHowLongToWait() {
        BucketStore store = store();
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();

        BucketStore.Take third = store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR);

        assertThat(third).isEqualTo(BucketStore.Take.refused(Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(30).minusNanos(1));
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).retryAfter())
                .isEqualTo(Duration.ofNanos(1));
        clock.advance(Duration.ofNanos(1));
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
        assertThat(store.tryTake("other", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
    }

    @Test
    void everyWindowMustHaveATokenAndTheLongestWaitIsTheAnswer() {
        BucketStore store = store();
        for (int i = 0; i < 5; i++) {
            assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken())
                    .as("take %d", i + 1)
                    .isTrue();
            clock.advance(Duration.ofMinutes(1));
        }
        // Five minutes after the first take the hourly window (one token per 12 minutes) has 0.41 tokens.
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR))
                .isEqualTo(BucketStore.Take.refused(Duration.ofMinutes(7)));
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButABucketNeverHoldsMoreThanItsLimit() {
        BucketStore store = store();
        store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR);
        store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR);
        store.giveBack("k", TWO_PER_MINUTE_FIVE_PER_HOUR);
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isFalse();

        store.giveBack("fresh", TWO_PER_MINUTE_FIVE_PER_HOUR);
        store.giveBack("fresh", TWO_PER_MINUTE_FIVE_PER_HOUR);
        assertThat(store.tryTake("fresh", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
        assertThat(store.tryTake("fresh", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
        assertThat(store.tryTake("fresh", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isFalse();
    }

    /**
     * What broke: without names on its windows, Bucket4j matched a bucket of two windows to its new limits by nothing
     * and refilled it completely (the shared store), and the local store kept a bucket's first limits for as long as it
     * held it.
     */
    @Test
    void changedLimitsApplyWindowByWindowKeepingWhatEachHasUsed() {
        BucketStore store = store();
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
        assertThat(store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR).taken()).isTrue();
        List<Limit> threePerMinute = List.of(Limit.of(3, Duration.ofMinutes(1)), Limit.of(5, Duration.ofHours(1)));

        assertThat(store.tryTake("k", threePerMinute).taken())
                .as("the minute's third token")
                .isTrue();
        assertThat(store.tryTake("k", threePerMinute)).isEqualTo(BucketStore.Take.refused(Duration.ofSeconds(20)));
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 2; i++) {
            assertThat(store.tryTake("k", threePerMinute).taken())
                    .as("the hour's token %d of 5", i + 4)
                    .isTrue();
        }
        assertThat(store.tryTake("k", threePerMinute).taken())
                .as("the hour's 5 are used")
                .isFalse();
    }

    @Test
    void manyThreadsTakingFromOneBucketGetExactlyItsCapacity() throws Exception {
        BucketStore store = store();
        List<Limit> hundred = List.of(Limit.of(100, Duration.ofDays(1)));
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                workers.add(() -> {
                    int taken = 0;
                    for (int i = 0; i < 400 / threads(); i++) {
                        taken += store.tryTake("contended", hundred).taken() ? 1 : 0;
                    }
                    return taken;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(workers)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    int threads() {
        return 32;
    }
}
