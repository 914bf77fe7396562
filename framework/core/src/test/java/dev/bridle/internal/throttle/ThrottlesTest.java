package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.ACME;
import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlesTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final Throttles throttles = Throttles.create(
            ThrottleSettings.defaults(),
            clock,
            new LocalBucketStore(clock),
            new InMemoryFollowHistory(),
            new InMemoryAnsweredInteractions());

    @Test
    void oneGuardPerRuleDenialsFirstThenTheLongestWaits() {
        assertThat(throttles.guards())
                .extracting(Guard::name)
                .containsExactly(
                        "throttle-one-reply",
                        "throttle-follow-churn",
                        "throttle-follow-cap",
                        "throttle-account",
                        "throttle-target",
                        "throttle-coordination",
                        "throttle-platform",
                        "throttle-spacing");
    }

    @Test
    void journaledThrottlesWriteWhatTheOthersTookAfterAllOfThem() {
        Throttles journaled = Throttles.journaled(
                ThrottleSettings.defaults(),
                clock,
                new LocalBucketStore(clock),
                new TakeJournal(TestDatabases.h2(), clock),
                new InMemoryFollowHistory(),
                new InMemoryAnsweredInteractions());

        assertThat(journaled.guards())
                .extracting(Guard::name)
                .endsWith("throttle-spacing", "throttle-journal")
                .hasSize(throttles.guards().size() + 1);
    }

    @Test
    void theFeedbackReachesTheGuardInTheChain() {
        throttles.feedback().exhausted(ACME, ActionKind.POST, T0.plus(Duration.ofMinutes(15)));
        try (GuardChain chain = new GuardChain(throttles.guards())) {
            assertThat(chain.evaluate(Actions.post(ACME)).verdict())
                    .isInstanceOfSatisfying(
                            Verdict.Defer.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.RATE_LIMITED));
        }
    }

    @Test
    void aRefusalLaterInTheChainLeavesNoTokenTaken() {
        try (GuardChain chain = new GuardChain(throttles.guards())) {
            assertThat(chain.evaluate(Actions.post(ACME)).allows()).isTrue();

            // Spacing (last) defers the second post; the account bucket (earlier) must get its token back.
            assertThat(chain.evaluate(Actions.post(ACME)).verdict()).isInstanceOf(Verdict.Defer.class);
            for (int i = 0; i < 9; i++) {
                clock.advance(Duration.ofSeconds(30));
                assertThat(chain.evaluate(Actions.post(ACME)).allows())
                        .as("post %d", i + 2)
                        .isTrue();
            }
            clock.advance(Duration.ofSeconds(30));
            assertThat(chain.evaluate(Actions.post(ACME)).verdict())
                    .isInstanceOfSatisfying(
                            Verdict.Defer.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.THROTTLED_ACCOUNT));
        }
    }
}
