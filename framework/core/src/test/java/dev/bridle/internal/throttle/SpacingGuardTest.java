package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.ACME;
import static dev.bridle.internal.throttle.Actions.BETA;
import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpacingGuardTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final SpacingGuard guard =
            new SpacingGuard(ThrottleSettings.defaults(), new LocalBucketStore(clock), clock);

    @Test
    void anAccountsNextActionOfAnyKindWaitsThirtySeconds() {
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());

        clock.set(T0.plus(Duration.ofSeconds(30)).minusNanos(1));
        Verdict tooSoon = guard.check(Actions.follow(ACME, "42"));

        assertThat(tooSoon).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.until()).isEqualTo(T0.plus(Duration.ofSeconds(30)));
            assertThat(d.code()).isEqualTo(ReasonCode.TOO_SOON);
            assertThat(d.message()).contains("@acme_news", "30 seconds");
        });
        clock.set(T0.plus(Duration.ofSeconds(30)));
        assertThat(guard.check(Actions.like(ACME, "555"))).isEqualTo(Verdict.allow());
    }

    @Test
    void otherAccountsAreNotHeldBack() {
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(BETA))).isEqualTo(Verdict.allow());
    }

    @Test
    void anActionThatWasNotSentDoesNotDelayTheNext() {
        ActionRequest notSent = Actions.post(ACME);
        assertThat(guard.check(notSent)).isEqualTo(Verdict.allow());

        guard.release(notSent);

        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
    }

    @Test
    void theSpacingIsConfigurable() {
        SpacingGuard twoMinutes = new SpacingGuard(
                ThrottleSettings.defaults().withMinSpacing(Duration.ofMinutes(2)), new LocalBucketStore(clock), clock);
        assertThat(twoMinutes.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(twoMinutes.check(Actions.post(ACME)))
                .isInstanceOfSatisfying(
                        Verdict.Defer.class, d -> assertThat(d.until()).isEqualTo(T0.plus(Duration.ofMinutes(2))));
    }
}
