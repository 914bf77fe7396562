package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.platform.PlatformException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffRetriesTest {

    private final List<Duration> waited = new ArrayList<>();
    private final RetryPolicy policy =
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ZERO, waited::add);
    private final PlatformException refused =
            new PlatformException(PlatformException.Kind.NOT_APPLIED, "connection refused");

    @Test
    void waitsTheDoublingBackoffBeforeEachAttemptLeft() {
        BackoffRetries retries = new BackoffRetries(policy);

        assertThat(retries.waitToRetry(Requests.post("hi"), 1, refused)).isTrue();
        assertThat(retries.waitToRetry(Requests.post("hi"), 2, refused)).isTrue();

        assertThat(waited).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpWithoutWaitingOnceTheAttemptsAreUsed() {
        assertThat(new BackoffRetries(policy).waitToRetry(Requests.post("hi"), 3, refused))
                .isFalse();

        assertThat(waited).isEmpty();
        assertThat(BackoffRetries.gaveUp(3, refused)).startsWith("not applied (3 attempts): ");
    }

    @Test
    void anInterruptedWaitIsNoRetryAndKeepsTheInterrupt() {
        RetryPolicy interrupted = policy.withSleeper(d -> {
            throw new InterruptedException();
        });
        try {
            assertThat(new BackoffRetries(interrupted).waitToRetry(Requests.post("hi"), 1, refused))
                    .isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
