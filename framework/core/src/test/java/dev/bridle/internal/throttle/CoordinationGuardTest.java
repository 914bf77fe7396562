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

class CoordinationGuardTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final CoordinationGuard guard =
            new CoordinationGuard(ThrottleSettings.defaults(), new LocalBucketStore(clock), clock);

    @Test
    void aSecondAccountLikingTheSamePostWaitsUntilTheWindowHasPassed() {
        assertThat(guard.check(Actions.like(ACME, "555"))).isEqualTo(Verdict.allow());

        clock.set(T0.plus(Duration.ofMinutes(5)));
        Verdict second = guard.check(Actions.like(BETA, "555"));

        assertThat(second).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.until()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(d.code()).isEqualTo(ReasonCode.THROTTLED_CROSS_ACCOUNT);
            assertThat(d.message()).contains("like", "post 555", "10 minutes");
        });
        clock.set(T0.plus(Duration.ofMinutes(10)).minusNanos(1));
        assertThat(guard.check(Actions.like(BETA, "555"))).isInstanceOf(Verdict.Defer.class);
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertThat(guard.check(Actions.like(BETA, "555"))).isEqualTo(Verdict.allow());
    }

    @Test
    void repostsAndFollowsOfOneTargetAreHeldApartToo() {
        assertThat(guard.check(Actions.repost(ACME, "555"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.repost(BETA, "555"))).isInstanceOf(Verdict.Defer.class);

        assertThat(guard.check(Actions.follow(ACME, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(BETA, "42")))
                .isInstanceOfSatisfying(
                        Verdict.Defer.class, d -> assertThat(d.message()).contains("user 42"));
    }

    @Test
    void otherTargetsAndOtherKindsAreNotHeld() {
        assertThat(guard.check(Actions.like(ACME, "555"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.like(BETA, "556"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.repost(BETA, "555"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(BETA, "555"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(BETA))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(BETA))).isEqualTo(Verdict.allow());
    }

    @Test
    void aLikeThatWasNotSentLeavesTheTargetFree() {
        ActionRequest notSent = Actions.like(ACME, "555");
        assertThat(guard.check(notSent)).isEqualTo(Verdict.allow());

        guard.release(notSent);

        assertThat(guard.check(Actions.like(BETA, "555"))).isEqualTo(Verdict.allow());
    }

    @Test
    void theWindowIsConfigurable() {
        CoordinationGuard hour = new CoordinationGuard(
                ThrottleSettings.defaults().withCoordinationWindow(Duration.ofHours(1)),
                new LocalBucketStore(clock),
                clock);
        assertThat(hour.check(Actions.like(ACME, "555"))).isEqualTo(Verdict.allow());
        assertThat(hour.check(Actions.like(BETA, "555")))
                .isInstanceOfSatisfying(
                        Verdict.Defer.class, d -> assertThat(d.until()).isEqualTo(T0.plus(Duration.ofHours(1))));
    }
}
