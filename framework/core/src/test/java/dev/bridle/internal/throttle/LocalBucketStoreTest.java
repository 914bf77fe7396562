package dev.bridle.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBucketStoreTest extends BucketStoreContract {

    @Override
    BucketStore store() {
        return new LocalBucketStore(clock);
    }

    @Test
    void aBucketUnusedForItsLongestWindowIsForgottenBecauseItIsFullAgain() {
        LocalBucketStore store = new LocalBucketStore(clock);
        store.tryTake("k", TWO_PER_MINUTE_FIVE_PER_HOUR);
        assertThat(store.size()).isEqualTo(1);

        clock.advance(Duration.ofHours(1).minusNanos(1));
        assertThat(store.size()).isEqualTo(1);
        // Caffeine's timer wheel lets an expired entry linger up to about a second.
        clock.advance(Duration.ofSeconds(2));
        assertThat(store.size()).isZero();
    }
}
