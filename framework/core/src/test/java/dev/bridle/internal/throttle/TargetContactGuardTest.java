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

class TargetContactGuardTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final TargetContactGuard guard =
            new TargetContactGuard(ThrottleSettings.defaults(), new LocalBucketStore(clock), clock);

    @Test
    void threeContactsADayReachOneUserFromAllAccountsTogetherAndTheFourthWaits() {
        assertThat(guard.check(Actions.reply(ACME, "42", "m1"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.directMessage(BETA, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.mentionPost(GAMMA, "42"))).isEqualTo(Verdict.allow());

        Verdict fourth = guard.check(Actions.reply(BETA, "42", "m2"));

        // 3 per day refills one every 8 hours.
        assertThat(fourth).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.until()).isEqualTo(T0.plus(Duration.ofHours(8)));
            assertThat(d.code()).isEqualTo(ReasonCode.THROTTLED_TARGET);
            assertThat(d.message()).contains("user 42", "3 per day");
        });
        assertThat(guard.check(Actions.reply(ACME, "43", "m3"))).isEqualTo(Verdict.allow());

        clock.set(T0.plus(Duration.ofHours(8)).minusNanos(1));
        assertThat(guard.check(Actions.reply(BETA, "42", "m2"))).isInstanceOf(Verdict.Defer.class);
        clock.set(T0.plus(Duration.ofHours(8)));
        assertThat(guard.check(Actions.reply(BETA, "42", "m2"))).isEqualTo(Verdict.allow());
    }

    @Test
    void anActionReachingSeveralUsersTakesFromAllOrFromNone() {
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());
        }

        Verdict both = guard.check(Actions.mentionPost(ACME, "43", "42"));

        assertThat(both)
                .isInstanceOfSatisfying(
                        Verdict.Defer.class, d -> assertThat(d.message()).contains("user 42"));
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check(Actions.directMessage(BETA, "43")))
                    .as("user 43 still has all three")
                    .isEqualTo(Verdict.allow());
        }
    }

    @Test
    void releasingAnActionGivesBackEveryUsersToken() {
        ActionRequest two = Actions.mentionPost(ACME, "42", "43");
        assertThat(guard.check(two)).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isInstanceOf(Verdict.Defer.class);

        guard.release(two);

        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check(Actions.directMessage(ACME, "43"))).isEqualTo(Verdict.allow());
        }
    }

    @Test
    void postsWithoutTargetsFollowsLikesAndTheAccountsOwnThreadAreNotContact() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
            assertThat(guard.check(Actions.follow(ACME, "42"))).isEqualTo(Verdict.allow());
            assertThat(guard.check(Actions.like(ACME, "555"))).isEqualTo(Verdict.allow());
            assertThat(guard.check(Actions.reply(ACME, ACME.userId(), null))).isEqualTo(Verdict.allow());
        }
    }
}
