package dev.bridle.throttle;

import dev.bridle.testing.SettableClock;
import static dev.bridle.throttle.Actions.ACME;
import static dev.bridle.throttle.Actions.BETA;
import static dev.bridle.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.action.ActionKind;
import dev.bridle.action.ActionRequest;
import dev.bridle.guard.ReasonCode;
import dev.bridle.guard.Rule;
import dev.bridle.guard.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlatformRateGuardTest {

    private static final Instant RESET = T0.plus(Duration.ofMinutes(15));

    private final SettableClock clock = new SettableClock(T0);
    private final PlatformRateGuard guard = new PlatformRateGuard(clock);

    @Test
    void untilThePlatformHasSpokenActionsGo() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        }
    }

    @Test
    void remainingZeroDefersUntilTheReset() {
        guard.observed(ACME, ActionKind.POST, 300, 0, RESET);

        Verdict verdict = guard.check(Actions.post(ACME));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.until()).isEqualTo(RESET);
            assertThat(d.code()).isEqualTo(ReasonCode.RATE_LIMITED);
            assertThat(d.code().rule()).isEqualTo(Rule.PLATFORM_LIMITS);
            assertThat(d.message()).contains("@acme_news", "post", "300");
        });
        assertThat(guard.check(Actions.post(BETA))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());

        clock.set(RESET.minusNanos(1));
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
        clock.set(RESET);
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
    }

    @Test
    void theRemainingCountIsSpentByAllowedActionsSoNoRequestGoesThatWouldBeRefused() {
        guard.observed(ACME, ActionKind.FOLLOW, 15, 2, RESET);

        assertThat(guard.check(Actions.follow(ACME, "1"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(ACME, "2"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(ACME, "3")))
                .isInstanceOfSatisfying(Verdict.Defer.class, d -> assertThat(d.until()).isEqualTo(RESET));
    }

    @Test
    void aRequestThatWasNotSentGivesItsPlaceBack() {
        guard.observed(ACME, ActionKind.POST, 300, 1, RESET);
        ActionRequest notSent = Actions.post(ACME);
        assertThat(guard.check(notSent)).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);

        guard.release(notSent);
        guard.release(notSent);

        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void aTooManyRequestsAnswerStopsEverythingUntilItsReset() {
        guard.exhausted(ACME, ActionKind.REPLY, RESET);

        assertThat(guard.check(Actions.reply(ACME, "42", "m1")))
                .isInstanceOfSatisfying(Verdict.Defer.class, d -> assertThat(d.until()).isEqualTo(RESET));
    }

    @Test
    void forOneWindowTheLowerCountStandsAndALateAnswerAboutAnOlderWindowChangesNothing() {
        guard.observed(ACME, ActionKind.POST, 300, 5, RESET);
        guard.observed(ACME, ActionKind.POST, 300, 1, RESET);
        guard.observed(ACME, ActionKind.POST, 300, 4, RESET);
        guard.observed(ACME, ActionKind.POST, 300, 200, RESET.minus(Duration.ofMinutes(15)));

        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);

        guard.observed(ACME, ActionKind.POST, 300, 300, RESET.plus(Duration.ofMinutes(15)));
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
    }
}
