package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.ACME;
import static dev.bridle.internal.throttle.Actions.BETA;
import static dev.bridle.internal.throttle.Actions.GAMMA;
import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FollowCapGuardTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final FollowCapGuard guard =
            new FollowCapGuard(ThrottleSettings.defaults(), new LocalBucketStore(clock), clock);

    @Test
    void twoOfTheOperatorsAccountsMayFollowOneUserAndTheThirdWaitsForTheWindowToRefill() {
        assertThat(guard.check(Actions.follow(ACME, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(BETA, "42"))).isEqualTo(Verdict.allow());

        Verdict third = guard.check(Actions.follow(GAMMA, "42"));

        // 2 per 7 days: one more every 3.5 days.
        assertThat(third).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.until()).isEqualTo(T0.plus(Duration.ofHours(84)));
            assertThat(d.code()).isEqualTo(ReasonCode.THROTTLED_CROSS_ACCOUNT);
            assertThat(d.message()).contains("user 42");
        });
        assertThat(guard.check(Actions.follow(GAMMA, "43"))).isEqualTo(Verdict.allow());

        clock.set(T0.plus(Duration.ofHours(84)).minusNanos(1));
        assertThat(guard.check(Actions.follow(GAMMA, "42"))).isInstanceOf(Verdict.Defer.class);
        clock.set(T0.plus(Duration.ofHours(84)));
        assertThat(guard.check(Actions.follow(GAMMA, "42"))).isEqualTo(Verdict.allow());
    }

    @Test
    void aFollowThatWasNotSentFreesItsPlace() {
        ActionRequest first = Actions.follow(ACME, "42");
        assertThat(guard.check(first)).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(BETA, "42"))).isEqualTo(Verdict.allow());

        guard.release(first);

        assertThat(guard.check(Actions.follow(GAMMA, "42"))).isEqualTo(Verdict.allow());
    }

    @Test
    void onlyFollowsCount() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.check(Actions.unfollow(ACME, "42"))).isEqualTo(Verdict.allow());
            assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());
        }
    }
}
