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
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowChurnGuardTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final FollowHistory history = new InMemoryFollowHistory();
    private final FollowChurnGuard guard = new FollowChurnGuard(ThrottleSettings.defaults(), history, clock);

    private void sent(ActionRequest request) {
        assertThat(guard.check(request)).isEqualTo(Verdict.allow());
        guard.confirm(request, "id");
    }

    @Test
    void unfollowingWithinThreeDaysOfTheFollowWaitsUntilTheThreeDaysArePast() {
        sent(Actions.follow(ACME, "42"));

        clock.set(T0.plus(Duration.ofDays(3)).minusMillis(1));
        Verdict early = guard.check(Actions.unfollow(ACME, "42"));

        assertThat(early).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.until()).isEqualTo(T0.plus(Duration.ofDays(3)));
            assertThat(d.code()).isEqualTo(ReasonCode.FOLLOW_CHURN);
            assertThat(d.message()).contains("@acme_news", "user 42", "3 days");
        });
        clock.set(T0.plus(Duration.ofDays(3)));
        assertThat(guard.check(Actions.unfollow(ACME, "42"))).isEqualTo(Verdict.allow());
    }

    @Test
    void followingAgainWithinSevenDaysOfTheUnfollowWaitsUntilTheWeekIsPast() {
        Instant unfollowedAt = T0.plus(Duration.ofDays(4));
        clock.set(unfollowedAt);
        sent(Actions.unfollow(ACME, "42"));

        clock.set(unfollowedAt.plus(Duration.ofDays(7)).minusMillis(1));
        assertThat(guard.check(Actions.follow(ACME, "42")))
                .isInstanceOfSatisfying(
                        Verdict.Defer.class,
                        d -> assertThat(d.until()).isEqualTo(unfollowedAt.plus(Duration.ofDays(7))));
        clock.set(unfollowedAt.plus(Duration.ofDays(7)));
        assertThat(guard.check(Actions.follow(ACME, "42"))).isEqualTo(Verdict.allow());
    }

    @Test
    void theRulesArePerAccountAndPerUser() {
        sent(Actions.follow(ACME, "42"));
        sent(Actions.unfollow(BETA, "42"));

        assertThat(guard.check(Actions.unfollow(BETA, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.unfollow(ACME, "43"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(ACME, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(BETA, "42"))).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void onlyConfirmedFollowsCountAndInDoubtOnesDo() {
        ActionRequest released = Actions.follow(ACME, "42");
        assertThat(guard.check(released)).isEqualTo(Verdict.allow());
        guard.release(released);
        assertThat(guard.check(Actions.unfollow(ACME, "42"))).isEqualTo(Verdict.allow());

        ActionRequest inDoubt = Actions.follow(ACME, "43");
        assertThat(guard.check(inDoubt)).isEqualTo(Verdict.allow());
        guard.confirm(inDoubt, null);
        assertThat(guard.check(Actions.unfollow(ACME, "43"))).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void otherKindsAreNotChurn() {
        sent(Actions.follow(ACME, "42"));
        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.like(ACME, "555"))).isEqualTo(Verdict.allow());
    }
}
